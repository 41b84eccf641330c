// State and actions of the draft page: reads the article handed over in storage.session, drafts it (the
// drafter and its NLP code live in this page's bundle only), applies the reader's edits (pure, in
// utils/draft-review/edit.ts) and saves with the import's checks. The one place here that calls extension APIs.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { draftPack } from '../utils/drafter/draft';
import { FACT_BASES } from '../utils/factbase/generated';
import type { CompiledFactBase } from '../utils/factbase/types';
import { factbasePageUrl } from '../utils/factbase-page/url';
import { readDraftArticle } from '../utils/draft-flow/session';
import { draftInput, type ExtractedArticle } from '../utils/draft-review/article';
import * as edit from '../utils/draft-review/edit';
import type { DraftReviewActions, DraftReviewModel, DraftStage, SaveState } from '../utils/draft-review/model';
import { loadImportedPacks, saveDraftPack } from '../utils/packs/storage';

function draftStage(article: ExtractedArticle, notices: string[], anyLanguage: boolean): DraftStage {
  const { text, meta } = draftInput(article);
  const result = draftPack(text, meta, { anyLanguage });
  if (!result.ok) {
    const { problem } = result;
    return {
      kind: 'refused',
      message: problem.message,
      ...(problem.code === 'invalid' ? { errors: problem.errors } : {}),
      canForce: problem.code === 'language',
    };
  }
  return { kind: 'review', pack: result.pack, notices: [...notices, ...result.notices.map((n) => n.message)] };
}

export function useDraftReview(): { model: DraftReviewModel; actions: DraftReviewActions } {
  const [stage, setStage] = useState<DraftStage>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const article = useRef<{ article: ExtractedArticle; notices: string[] } | null>(null);

  useEffect(() => {
    void readDraftArticle()
      .catch(() => null)
      .then((answer) => {
        if (!answer) return setStage({ kind: 'none' });
        if (!answer.ok) return setStage({ kind: 'refused', message: answer.problem.message });
        article.current = { article: answer.article, notices: answer.notices };
        // Let "Drafting…" paint first: drafting takes a moment on a long article.
        setTimeout(() => setStage(draftStage(answer.article, answer.notices, false)), 0);
      });
  }, []);

  const update = useCallback((fn: (pack: CompiledFactBase) => CompiledFactBase) => {
    setStage((s) => (s.kind === 'review' ? { ...s, pack: fn(s.pack) } : s));
    setSave((s) => (s.kind === 'saving' ? s : { kind: 'idle' }));
  }, []);

  const actions: DraftReviewActions = {
    renameActor: (id, name) => update((p) => edit.renameActor(p, id, name)),
    removeActor: (id) => update((p) => edit.removeActor(p, id)),
    mergeActors: (keep, gone) => update((p) => edit.mergeActors(p, keep, gone)),
    setKind: (id, kind) => update((p) => edit.setKind(p, id, kind)),
    removeAlias: (id, i) => update((p) => edit.removeAlias(p, id, i)),
    setAliasAmbiguous: (id, i, on) => update((p) => edit.setAliasAmbiguous(p, id, i, on)),
    removeFact: (id, factId) => update((p) => edit.removeFact(p, id, factId)),
    draftAnyway: () => {
      if (article.current) setStage(draftStage(article.current.article, article.current.notices, true));
    },
    save: () => {
      if (stage.kind !== 'review' || save.kind === 'saving') return;
      setSave({ kind: 'saving' });
      void (async () => {
        const { packs } = await loadImportedPacks();
        const taken = new Set([...FACT_BASES.map((b) => b.source.id), ...packs.map((p) => p.id)]);
        const pack = { ...stage.pack, source: { ...stage.pack.source, id: edit.freePackId(stage.pack.source.id, taken) } };
        const result = await saveDraftPack(pack);
        setSave(result.ok ? { kind: 'saved', id: result.pack.id, actorCount: pack.actors.length } : { kind: 'refused', errors: result.errors });
      })().catch((e: unknown) => setSave({ kind: 'refused', errors: [`(storage): nothing was saved (${String(e)})`] }));
    },
  };
  return { model: { stage, save, factbaseUrl: factbasePageUrl() }, actions };
}
