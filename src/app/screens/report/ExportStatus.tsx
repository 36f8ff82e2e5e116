// Shows where the current export is: a progress bar while it is built, then the download link
// (clicked once for the user; kept on screen in case the browser blocked it), or the failure.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format';
import type { ExportJob } from './useExportJob';

export function ExportStatus({ job, fileLabel }: { job: ExportJob; fileLabel: string }) {
  const { t } = useTranslation('report');
  const link = useRef<HTMLAnchorElement>(null);
  const url = job.status === 'done' ? job.url : null;

  useEffect(() => {
    if (url) link.current?.click();
  }, [url]);

  if (job.status === 'idle') return null;
  if (job.status === 'failed')
    return (
      <p className="error" role="alert">
        {t(job.reason === 'noMission' ? 'job.noMission' : 'job.failed')}
      </p>
    );
  if (job.status === 'busy')
    return (
      <div className="card report-progress" aria-live="polite">
        <p>{t('job.building', { file: fileLabel })}</p>
        <progress max={job.total} value={job.done} aria-label={t('job.progress')} />
        <p className="muted">
          {job.done} / {job.total}
        </p>
      </div>
    );
  return (
    <div className="card report-progress" aria-live="polite">
      <p>{t('job.ready')}</p>
      <a ref={link} className="button primary" href={job.url} download={job.file.name}>
        {t('job.download', { file: job.file.name, size: formatBytes(job.file.bytes.length) })}
      </a>
    </div>
  );
}
