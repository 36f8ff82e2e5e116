// Where "Visites" in the main menu leads. A member in the field thinks "my visits", not "a menu of
// missions": so the mission open on screen when there is one, else the mission they last opened
// (remembered on the device), else the only mission on the device. With several missions and none
// opened yet there is no right guess: the missions list, where each mission says what waits.
// The badge counts the notes sent back for changes ("à revoir") of that same place.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useMissionIds, useNotesToReviseCount } from '../../../db/repositories/navTargets';

const LAST_MISSION_KEY = 'terrain.lastMissionId';

/** The mission id in a path such as /missions/<id>/visits, or null (the creation form is no mission). */
export function missionIdInPath(path: string): string | null {
  const match = /^\/missions\/([^/]+)/.exec(path);
  return match && match[1] !== 'new' ? decodeURIComponent(match[1]) : null;
}

function readLastMission(): string | null {
  try {
    return localStorage.getItem(LAST_MISSION_KEY);
  } catch {
    return null; // storage refused (private mode): the menu simply does not remember
  }
}

function rememberMission(id: string) {
  try {
    localStorage.setItem(LAST_MISSION_KEY, id);
  } catch {
    // as above
  }
}

export interface VisitsTarget {
  href: string;
  missionId: string | null;
  toRevise: number;
}

export function useVisitsTarget(): VisitsTarget {
  const [path] = useLocation();
  const missionIds = useMissionIds();
  const open = missionIdInPath(path);
  const known = (id: string | null) => (id && missionIds?.includes(id) ? id : null);
  const missionId = known(open) ?? known(readLastMission()) ?? (missionIds?.length === 1 ? missionIds[0] : null);
  useEffect(() => {
    if (open && missionIds?.includes(open)) rememberMission(open);
  }, [open, missionIds]);
  const toRevise = useNotesToReviseCount(missionId) ?? 0;
  return { href: missionId ? `/missions/${encodeURIComponent(missionId)}/visits` : '/', missionId, toRevise };
}
