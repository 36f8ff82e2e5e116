// Mali's régions and their cercles, built in so that the itinerary can be prepared offline. This is
// the division in use since 2016 (ten régions plus the district of Bamako), not the 2023 reform that
// is still being put in place; communes are too many to list and are typed freely.

export interface MaliRegion {
  name: string;
  cercles: readonly string[];
}

export const MALI_REGIONS: readonly MaliRegion[] = [
  { name: 'Kayes', cercles: ['Bafoulabé', 'Diéma', 'Kayes', 'Kéniéba', 'Kita', 'Nioro du Sahel', 'Yélimané'] },
  { name: 'Koulikoro', cercles: ['Banamba', 'Dioïla', 'Kangaba', 'Kati', 'Kolokani', 'Koulikoro', 'Nara'] },
  { name: 'Sikasso', cercles: ['Bougouni', 'Kadiolo', 'Kolondiéba', 'Koutiala', 'Sikasso', 'Yanfolila', 'Yorosso'] },
  { name: 'Ségou', cercles: ['Barouéli', 'Bla', 'Macina', 'Niono', 'San', 'Ségou', 'Tominian'] },
  {
    name: 'Mopti',
    cercles: ['Bandiagara', 'Bankass', 'Djenné', 'Douentza', 'Koro', 'Mopti', 'Ténenkou', 'Youwarou'],
  },
  { name: 'Tombouctou', cercles: ['Diré', 'Goundam', 'Gourma-Rharous', 'Niafunké', 'Tombouctou'] },
  { name: 'Gao', cercles: ['Ansongo', 'Bourem', 'Gao'] },
  { name: 'Kidal', cercles: ['Abeïbara', 'Kidal', 'Tessalit', 'Tin-Essako'] },
  { name: 'Ménaka', cercles: ['Andéramboukane', 'Inékar', 'Ménaka', 'Tidermène'] },
  { name: 'Taoudénit', cercles: ['Achouratt', 'Al-Ourche', 'Araouane', 'Boujbeha', 'Foum-Elba', 'Taoudénit'] },
  // The district is not divided into cercles but into six communes (Commune I to VI).
  { name: 'District de Bamako', cercles: ['Bamako'] },
];

/** The cercles of a région, or none when the région is not in the list (typed before, or abroad). */
export function cerclesOf(region: string): readonly string[] {
  return MALI_REGIONS.find((r) => r.name === region)?.cercles ?? [];
}
