import type { ExportFormat } from '../../utils/popup/model';

export interface ExportButtonsProps {
  disabled: boolean;
  onExport(format: ExportFormat): void;
}

export function ExportButtons({ disabled, onExport }: ExportButtonsProps) {
  return (
    <div class="fl-export" role="group" aria-label="Export the mentions on this page">
      <span class="fl-export-label">Export mentions</span>
      <button type="button" disabled={disabled} onClick={() => onExport('json')} data-testid="export-json">
        JSON
      </button>
      <button type="button" disabled={disabled} onClick={() => onExport('csv')} data-testid="export-csv">
        CSV
      </button>
    </div>
  );
}
