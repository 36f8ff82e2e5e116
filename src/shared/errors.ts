// Named errors of the API, with the French message the app shows. Codes are part of the protocol.
import { REPORT_LOGOS_MAX } from './fieldLimits';

export const errorMessages = {
  'not-found': 'Ressource introuvable.',
  'bad-request': 'Requête invalide.',
  'invalid-body': 'Le contenu de la requête est invalide.',
  'body-too-large': 'Requête trop volumineuse.',
  'batch-too-large': 'Trop de modifications dans un seul envoi.',
  'protocol-version': 'Cette version de l’application est trop ancienne pour le serveur : mettez-la à jour.',
  unauthorized: 'Connectez-vous pour synchroniser.',
  'session-expired': 'Votre session a expiré : reconnectez-vous. Vos données restent sur l’appareil.',
  'wrong-credentials': 'Adresse e-mail ou mot de passe incorrect.',
  'too-many-attempts': 'Trop de tentatives de connexion : réessayez dans quelques minutes.',
  forbidden: 'Vous n’avez pas le droit de faire cette opération.',
  'not-member': 'Vous ne faites pas partie de cette mission.',
  'email-taken': 'Un compte existe déjà avec cette adresse e-mail.',
  'account-disabled': 'Ce compte est désactivé : demandez à un administrateur de le réactiver.',
  'cannot-disable-self': 'Vous ne pouvez pas désactiver votre propre compte.',
  'mission-exists': 'Une autre mission existe déjà avec cet identifiant : rechargez la page et recommencez.',
  'server-busy': 'Le serveur est très occupé : l’envoi sera réessayé dans quelques instants.',
  'invalid-record': 'Cet enregistrement est invalide et a été refusé par le serveur.',
  'mission-mismatch': 'Cet enregistrement appartient à une autre mission.',
  'read-only': 'Cette note est validée : elle ne peut plus être modifiée.',
  'forbidden-transition': 'Ce changement d’état n’est pas permis.',
  'photo-hash-mismatch': 'La photo reçue est abîmée (empreinte incorrecte) : elle sera renvoyée.',
  'photo-too-large': 'Photo trop volumineuse.',
  'photo-not-found': 'Photo introuvable sur le serveur.',
  'photo-not-image': 'Ce fichier n’est pas une photo (JPEG, PNG ou WebP) : il a été refusé.',
  'photo-not-possessed': 'Cette photo n’a pas été envoyée pour cette mission : enregistrement refusé.',
  'too-many-logos': `La mission a déjà ${REPORT_LOGOS_MAX} logos (un autre téléphone en a peut-être ajouté) : ce logo n’a pas été enregistré sur le serveur. Retirez-en un, puis réessayez.`,
  internal: 'Erreur interne du serveur. Réessayez plus tard ; rien n’a été perdu sur votre appareil.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
