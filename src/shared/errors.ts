// Named errors of the API, with the French message the app shows. Codes are part of the protocol.
export const errorMessages = {
  'not-found': 'Ressource introuvable.',
  'bad-request': 'Requête invalide.',
  'body-too-large': 'Requête trop volumineuse.',
  internal: 'Erreur interne du serveur. Réessayez plus tard ; rien n’a été perdu sur votre appareil.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
