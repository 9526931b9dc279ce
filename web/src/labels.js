// Arabic names of the codes the analysis uses (PLOVER event types, quad classes,
// technique classes, entity kinds); an unknown code is shown as it is.

export const QUADS = {
  1: 'تعاون لفظي',
  2: 'تعاون مادي',
  3: 'نزاع لفظي',
  4: 'نزاع مادي',
};

/** Quad class colours: cooperation green, conflict orange to red (darker = material). */
export const QUAD_COLOURS = { 1: '#66bb6a', 2: '#1b5e20', 3: '#fb8c00', 4: '#c62828' };

export const EVENT_TYPES = {
  AGREE: 'اتفاق', CONSULT: 'تشاور', SUPPORT: 'دعم', CONCEDE: 'تنازل', COOPERATE: 'تعاون',
  AID: 'مساعدة', RETREAT: 'انسحاب', REQUEST: 'طلب', ACCUSE: 'اتهام', REJECT: 'رفض',
  THREATEN: 'تهديد', PROTEST: 'احتجاج', SANCTION: 'عقوبة', MOBILIZE: 'تعبئة', COERCE: 'إكراه',
  ASSAULT: 'اعتداء',
};

export const TECHNIQUE_CLASSES = {
  Manipulative_Wording: 'صياغة تلاعبية', Reputation: 'نيل من السمعة', Justification: 'تبرير',
  Simplification: 'تبسيط', Call: 'دعوة', Distraction: 'تشتيت',
};

export const ENTITY_KINDS = { per: 'شخص', org: 'منظمة', loc: 'مكان', misc: 'اسم آخر' };

/** "اتفاق (AGREE)" for a known type, the code alone otherwise. */
export function eventType(code) {
  return EVENT_TYPES[code] ? `${EVENT_TYPES[code]} (${code})` : String(code ?? '—');
}

export function quad(q) {
  return QUADS[q] ? `${QUADS[q]} (${q})` : String(q ?? '—');
}

/** A technique's name as the model writes it, with spaces for underscores. */
export function technique(name) {
  return String(name ?? '').replaceAll('_', ' ');
}
