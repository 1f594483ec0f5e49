// `npx tsx scripts/seals.ts`: writes resources/seals/<departmentCode>.svg, the drawn 行政审批专用章 of
// every department of the default catalog. The renderer bundles these files and stamps them on
// decisions and certificates; a center replaces a file with the department's registered seal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseCatalog } from '../shared/catalog';
import { sealSvg } from '../shared/documents/seal';

const catalogFile = new URL('../resources/catalog/default-catalog.json', import.meta.url);
const sealsDir = new URL('../resources/seals/', import.meta.url);

const catalog = parseCatalog(JSON.parse(readFileSync(catalogFile, 'utf8')));
mkdirSync(sealsDir, { recursive: true });
for (const department of catalog.departments) {
  const file = new URL(`${department.code}.svg`, sealsDir);
  writeFileSync(file, `${sealSvg(department.name)}\n`);
  console.log(`${department.code}.svg  ${department.name}`);
}
