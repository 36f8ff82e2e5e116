// A mission's title in its pages' header: one line (a long official title took four lines of a
// phone's screen, above the tabs and the form), the whole of it on tap.
import { useState } from 'react';

export function MissionTitle({ title }: { title: string }) {
  const [whole, setWhole] = useState(false);
  return (
    <h1 className={`mission-title${whole ? ' is-whole' : ''}`}>
      <button
        type="button"
        className="mission-title-button"
        aria-expanded={whole}
        title={whole ? undefined : title}
        onClick={() => setWhole((shown) => !shown)}
      >
        {title}
      </button>
    </h1>
  );
}
