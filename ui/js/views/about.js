// About: version, licences, where the database lives.
import { S } from '../strings.js';
import { h } from '../dom.js';
import { call } from '../backend.js';

export async function render(main) {
  const a = await call('about');
  main.append(h('h1', {}, S.about.title),
    h('div', { class: 'card' },
      h('p', {}, `Klimat (Климат), ${S.about.version} ${a.version}`),
      h('p', {}, `${S.about.db}: ${a.db_path}${a.portable ? ` (${S.about.portable})` : ''}`),
      h('p', {}, `${S.about.schema}: ${a.schema_version}`),
      h('p', {}, S.about.method),
      h('p', {}, S.about.font), h('pre', { class: 'licence' }, a.font_licence)));
}
