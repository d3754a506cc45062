// "Use this data": the exact URLs of a view's CSV and JSON, and snippets that load that view in
// R, Python, Stata, Excel and curl, each with the citation. They change with the view.
export interface Snippet {
  label: string;
  code: string;
}

export function snippets(csvUrl: string, jsonUrl: string, citation: string): Snippet[] {
  const cite = `Source: ${citation}`;
  return [
    { label: 'R', code: `# ${cite}\nd <- read.csv("${csvUrl}")\n# or, with every field:\nj <- jsonlite::fromJSON("${jsonUrl}")` },
    { label: 'Python (pandas)', code: `# ${cite}\nimport pandas as pd\nd = pd.read_csv("${csvUrl}")` },
    { label: 'Stata', code: `* ${cite}\nimport delimited "${csvUrl}", clear` },
    { label: 'Excel (Power Query)', code: `Data → Get Data → From Other Sources → From Web, URL:\n${csvUrl}\n(${cite})` },
    { label: 'curl', code: `# ${cite}\ncurl -o view.csv "${csvUrl}"` },
  ];
}
