import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

const ASSETS: Record<string, string> = {
  'react.js': join(dirname(require.resolve('react/package.json')), 'umd', 'react.production.min.js'),
  'react-dom.js': join(dirname(require.resolve('react-dom/package.json')), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# Demo storefront query: products with their variants and prices.
query Products {
  products(first: 5) {
    nodes {
      id
      title
      variants(first: 3) { nodes { title price { amount currencyCode } } }
    }
  }
}
`;

/** JSON for an inline <script>: `<` escaped so no value can close the script element. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The schema explorer page: GraphiQL served from our own npm packages, so it works offline. */
export function explorerPage(defaultHeaders: Record<string, string>): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Retail Gateway explorer</title>
<link rel="stylesheet" href="/graphql/explorer/graphiql.css" />
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphql/explorer/react.js"></script>
<script src="/graphql/explorer/react-dom.js"></script>
<script src="/graphql/explorer/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: ${inlineJson(DEFAULT_QUERY)},
      defaultHeaders: ${inlineJson(JSON.stringify(defaultHeaders, null, 2))},
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: true,
    }),
  );
</script>
</body>
</html>`;
}

export function explorerAssets(): Router {
  const router = express.Router();
  router.get('/:file', (req, res) => {
    const path = ASSETS[req.params.file];
    if (!path)
      return void res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(path);
  });
  return router;
}
