import { diffWords } from 'diff';
import { useMemo } from 'react';

/** A word-level diff of one section: removed words struck through, added words underlined. */
export function SectionDiff({ before, after }: { before: string; after: string }) {
  const changes = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <p className="prose diff">
      {changes.map((change, i) => {
        const key = `${i}-${change.value.length}`;
        if (change.added) return <ins key={key}>{change.value}</ins>;
        if (change.removed) return <del key={key}>{change.value}</del>;
        return <span key={key}>{change.value}</span>;
      })}
    </p>
  );
}
