// Shows where the current export is: a progress bar while it is built, then the file. Where the
// browser can share the file (Web Share API with files, on phones), a "Partager" button opens the
// share sheet and the download stays offered beside it; elsewhere the download link is clicked once
// for the user (and kept on screen in case the browser blocked it). Or the failure.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format';
import { type ShareOutcome, shareableFile, shareFile } from './shareFile';
import type { ExportJob } from './useExportJob';

export function ExportStatus({ job, fileLabel }: { job: ExportJob; fileLabel: string }) {
  const { t } = useTranslation('report');
  const link = useRef<HTMLAnchorElement>(null);
  const file = job.status === 'done' ? job.file : null;
  const shareable = useMemo(() => (file ? shareableFile(file) : null), [file]);
  const [shared, setShared] = useState<ShareOutcome | null>(null);
  const url = job.status === 'done' ? job.url : null;

  useEffect(() => {
    setShared(null);
    // Sharing needs a tap (the browser asks for one); a download can start by itself.
    if (url && !shareable) link.current?.click();
  }, [url, shareable]);

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
  const download = (
    <a ref={link} className={shareable ? 'button' : 'button primary'} href={job.url} download={job.file.name}>
      {t('job.download', { file: job.file.name, size: formatBytes(job.file.bytes.length) })}
    </a>
  );
  return (
    <div className="card report-progress" aria-live="polite">
      <p>{t('job.ready')}</p>
      {shareable ? (
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void shareFile(shareable).then(setShared)}>
            {t('job.share', { file: job.file.name })}
          </button>
          {download}
        </div>
      ) : (
        download
      )}
      {shared === 'failed' && (
        <p className="warning" role="alert">
          {t('job.shareFailed')}
        </p>
      )}
    </div>
  );
}
