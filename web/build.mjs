// Builds web/dist from the npm packages: the rasa-webchat bundle with its
// third-party web-font import removed, and the Inter font served from here.
// Fails if the result still points at any host outside this server.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const dist = join(here, "dist");

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "fonts"), { recursive: true });

const bundle = readFileSync(join(modules, "rasa-webchat", "lib", "index.js"), "utf8");
const fontImport = /@import url\(https:\/\/fonts\.googleapis\.com\/[^)]*\);?/g;
const imports = bundle.match(fontImport) || [];
if (imports.length === 0) {
  throw new Error("rasa-webchat: the web-font import to remove was not found; check the bundle");
}
const local = bundle.replace(fontImport, "");
if (/fonts\.(googleapis|gstatic)\.com/.test(local)) {
  throw new Error("rasa-webchat: a web-font reference is left in the bundle");
}
writeFileSync(join(dist, "webchat.js"), local);

const faces = [];
for (const weight of [400, 500, 700]) {
  const file = `inter-latin-${weight}-normal.woff2`;
  copyFileSync(join(modules, "@fontsource", "inter", "files", file), join(dist, "fonts", file));
  faces.push(
    `@font-face{font-family:"Inter";font-style:normal;font-display:swap;` +
      `font-weight:${weight};src:url(fonts/${file}) format("woff2");}`,
  );
}
writeFileSync(join(dist, "fonts.css"), faces.join("\n") + "\n");
console.log(`web/dist built: webchat.js (${imports.length} font imports removed), Inter 400/500/700`);
