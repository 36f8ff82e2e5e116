import type { communes as fr } from '../fr/communes';

export const communes: typeof fr = {
  add: 'Add a commune',
  empty: 'No communes on the itinerary yet.',
  itinerary: 'Itinerary',
  undated: 'Date to be set',
  place: 'Cercle of {{cercle}}, region of {{region}}',
  regionOnly: 'Region of {{region}}',
  cercleOnly: 'Cercle of {{cercle}}',
  position: 'Position: {{position}}',
  columns: {
    name: 'Commune',
    region: 'Region',
    cercle: 'Cercle',
    plannedDate: 'Planned visit date',
    lat: 'Latitude',
    lon: 'Longitude',
  },
  form: {
    newTitle: 'New commune',
    editTitle: 'Edit the commune',
    nameHint: 'Type the name of the commune.',
    regionNone: '— Choose a region —',
    cercleNone: '— Choose a cercle —',
    cercleNeedsRegion: '— Choose the region first —',
    dateHint: 'During the mission: from {{start}} to {{end}}.',
    positionHint: 'Optional. In decimal degrees, for example 14.4843 and -4.1827.',
    delete: 'Delete this commune',
  },
};
