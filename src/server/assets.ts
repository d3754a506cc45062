// Static assets under content-versioned URLs, so they can be cached forever ("immutable"):
// Plotly's official basic partial bundle (scatter and bar are all the charts use), our
// small chart script and stylesheet.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

export interface Asset {
  url: string;
  file: string;
  type: string;
}

const require = createRequire(import.meta.url);

function versioned(name: string, file: string, type: string): Asset {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
  const ext = path.extname(name);
  return { url: `/assets/${path.basename(name, ext)}-${hash}${ext}`, file, type };
}

export function loadAssets(root: string): Record<'plotly' | 'js' | 'css', Asset> {
  const plotlyFile = require.resolve('plotly.js-basic-dist-min/plotly-basic.min.js');
  return {
    plotly: versioned('plotly-basic.min.js', plotlyFile, 'text/javascript; charset=utf-8'),
    js: versioned('charts.js', path.join(root, 'public/charts.js'), 'text/javascript; charset=utf-8'),
    css: versioned('app.css', path.join(root, 'public/app.css'), 'text/css; charset=utf-8'),
  };
}
