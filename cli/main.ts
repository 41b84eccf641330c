// factlens: the command line over the same fact base and engine as the extension.
//   factlens actors          the compiled fact base as JSON
//   factlens scan PATH...    export rows of the mentions in files, folders, WARC archives (cli/scan-command.ts)
import '../utils/zod-locale';

const USAGE = `usage: factlens <command> [args]
  actors                 print the compiled fact base (actors, aliases, facts with quotes) as JSON
  scan [options] PATH... export rows for every mention in files, folders and WARC archives
                         (factlens scan --help for the options)
  draft ARTICLE          print a fact pack drafted from an .html or .txt article (the import format)`;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'actors':
      return (await import('./actors')).actorsCommand(rest);
    case 'draft':
      return (await import('./draft')).draftCommand(rest);
    case 'scan':
      return (await import('./scan')).scanCommand(rest);
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`factlens: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
