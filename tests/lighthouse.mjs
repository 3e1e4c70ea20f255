// Lighthouse's accessibility category for a list of pages, in one Chromium for all of them:
//   node tests/lighthouse.mjs BASE_URL PATH... → JSON {path: {score, error, failing: [{id, title, nodes}]}}
// Debian's Chromium (CHROME_PATH), headless; the pages come from a local server, nothing else is
// fetched. Lighthouse's default phone screen, so that the phone menu and search buttons are audited.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const config = {
  extends: "lighthouse:default",
  settings: {
    onlyCategories: ["accessibility"],
    // Accessibility is not speed: no waiting for quiet after load, no screenshots. (Throttling
    // "provided" would stretch every wait to 5 s; the default "simulate" only computes timings.)
    pauseAfterFcpMs: 0, pauseAfterLoadMs: 0, networkQuietThresholdMs: 0, cpuQuietThresholdMs: 0,
    skipAboutBlank: true, disableFullPageScreenshot: true,
  },
};

const [base, ...paths] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  for (const path of paths) {
    const { lhr } = await lighthouse(new URL(path, base).href, { port: chrome.port, logLevel: "error" }, config);
    const audits = Object.values(lhr.audits);
    results[path] = {
      score: lhr.categories.accessibility.score,
      // A page that did not load, or an audit that could not run, is no pass.
      error: lhr.runtimeError?.message ?? audits.filter((audit) => audit.scoreDisplayMode === "error")
        .map((audit) => `${audit.id}: ${audit.errorMessage}`).join("; "),
      failing: audits
        .filter((audit) => audit.scoreDisplayMode === "binary" && audit.score !== 1)
        .map((audit) => ({ id: audit.id, title: audit.title,
                           nodes: (audit.details?.items ?? []).map((item) => item.node?.snippet ?? "") })),
    };
  }
} finally {
  chrome.kill();
}
process.stdout.write(JSON.stringify(results));
