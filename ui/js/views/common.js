// Pieces several screens share: the survey and instrument pickers.
import { S } from '../strings.js';
import { h, select } from '../dom.js';

export function surveyPicker(ctx, onchange, attrs = {}) {
  const opts = ctx.surveys.filter((s) => !s.archived || s.id === ctx.surveyId)
    .map((s) => ({ value: s.id, label: `${s.name} (${s.date_text})` }));
  return select(opts, ctx.surveyId, {
    id: attrs.id || 'survey-picker',
    onchange: (e) => { ctx.setSurvey(e.target.value); onchange && onchange(); },
  });
}

export function instrumentPicker(survey, value, onchange, id = 'instrument-picker') {
  const opts = (survey ? survey.instruments : []).map((i) => ({ value: i, label: S.instruments[i] }));
  return select(opts, value, { id, onchange: (e) => onchange(e.target.value) });
}

export function needSurvey(main, ctx, title) {
  main.append(h('h1', {}, title));
  if (!ctx.survey()) {
    main.append(h('p', { class: 'hint' }, S.common.noSurveys));
    return false;
  }
  return true;
}

export function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
