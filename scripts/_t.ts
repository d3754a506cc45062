import request from 'supertest';
import { testApp } from '../tests/support/app.ts';
const { app } = await testApp('data');
for (const u of ['/partners/rerouting', '/ru/partners/rerouting?scale=log', '/partners/rerouting-index.csv', '/partners/rerouting-annual.csv', '/partners/rerouting-contributions.csv']) {
  const r = await request(app).get(u);
  console.log(u, r.status, r.text.length);
  if (r.status !== 200) console.log(r.text.slice(0, 500));
}
const r = await request(app).get('/partners/rerouting');
const text = r.text.replace(/<svg[\s\S]*?<\/svg>/g, '[svg]').replace(/<script type="application\/json"[\s\S]*?<\/script>/g, '[json]').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
console.log(text.slice(text.indexOf('Rerouting?'), text.indexOf('Rerouting?') + 4000));
