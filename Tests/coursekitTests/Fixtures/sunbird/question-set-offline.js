'use strict';
// Imports question-set ECARs with the Sunbird mobile SDK's real import chain (the
// sunbird-clients harness's runMobile) and then asks the app's own GetChildQuestionSetHandler
// for the root question set's questions, with the server fetch replaced by an error: every
// question it returns was read from the device (content/<set>/<question>/index.json).
// usage: node question-set-offline.js HARNESS_DIR OUT_DIR FILE.ecar [...]
// prints one JSON line per archive: {file, imported, root, contentState, questionsLoaded, error}
const path = require('path');
const [harness, outRoot, ...files] = process.argv.slice(2);
const { runMobile } = require(path.join(harness, 'mobile', 'run-mobile.js'));
const loader = require(path.join(harness, 'lib', 'ts-loader.js'));

(async () => {
  for (const file of files) {
    const out = path.join(outRoot, path.basename(file, '.ecar'));
    const result = { file: path.basename(file) };
    try {
      const mobile = await runMobile(file, out);
      result.imported = !!mobile.ok;
      result.root = mobile.rootIdentifier;
      const row = (mobile.rows || []).find((r) => r.identifier === mobile.rootIdentifier);
      result.contentState = row ? row.content_state : null;
      const { GetChildQuestionSetHandler } = require(path.join(loader.SDK, 'content/handlers/get-child-question-set-handler.ts'));
      const { FileServiceImpl } = require(path.join(loader.SDK, 'util/file/impl/file-service-impl.ts'));
      const storage = { getStorageDestinationDirectoryPath: () => 'file://' + path.join(out, 'device') + '/' };
      const handler = new GetChildQuestionSetHandler({}, mobile.db, storage, new FileServiceImpl());
      handler.fetchServerChildQuestions = async () => { throw new Error('needs the server'); };
      const children = await handler.handle(mobile.rootIdentifier);
      result.questionsLoaded = Array.isArray(children) ? children.filter((c) => c && typeof c === 'object' && c.body).length : 0;
    } catch (e) {
      result.error = String(e && e.message || e);
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  }
})().catch((e) => { console.error(e); process.exit(3); });
