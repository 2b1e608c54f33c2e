// The VS Code client: starts `storylint lsp` for Markdown and YAML files. Everything else
// (diagnostics, hover, quick fixes) is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('storylint');
  const command = config.get('path') || 'storylint';
  const options = {};
  for (const key of ['level', 'referenceDate']) {
    if (config.get(key)) options[key] = config.get(key);
  }
  client = new LanguageClient(
    'storylint',
    'storylint',
    { run: { command, args: ['lsp'] }, debug: { command, args: ['lsp'] } },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'yaml' },
      ],
      initializationOptions: options,
      synchronize: {
        configurationSection: 'storylint',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.storylint.yaml'),
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
