// The chat page in Debian's headless Chromium, driven by Playwright.
//
// Needs a running assistant: CHAT_URL (the page), API_URL and RASA_TOKEN (to
// read the tracker), ARTIFACT_DIR (screenshots). tests/e2e/test_web_widget.py
// starts the servers and runs this file with `node --test`.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const CHAT_URL = process.env.CHAT_URL;
const API_URL = process.env.API_URL;
const RASA_TOKEN = process.env.RASA_TOKEN;
const ARTIFACT_DIR = process.env.ARTIFACT_DIR || "test-artifacts";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const TIMEOUT = 30_000;

assert.ok(CHAT_URL, "CHAT_URL must point at the chat page");
mkdirSync(ARTIFACT_DIR, { recursive: true });

let browser;
let context;
let page;
const outside = []; // every request to another host (each one fails the test)
const pageErrors = [];

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (["data:", "blob:", "about:"].includes(protocol)) return true;
  return LOCAL_HOSTS.has(hostname);
}

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // A phone-sized screen.
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
  page.on("websocket", (socket) => {
    if (!isLocal(socket.url().replace(/^ws/, "http"))) outside.push(socket.url());
  });
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.setDefaultTimeout(TIMEOUT);
});

after(async () => {
  await browser?.close();
});

const botMessages = () => page.locator(".rw-message .rw-response");
const userMessages = () => page.locator(".rw-message .rw-client");

async function send(text) {
  const input = page.locator(".rw-new-message");
  await input.fill(text);
  await input.press("Enter");
}

async function sessionId() {
  return page.evaluate(() => JSON.parse(localStorage.getItem("chat_session") || "{}").session_id);
}

test("the chat page, from greeting to emergency, restored after a reload", async (t) => {
  await page.goto(CHAT_URL);

  await t.test("shows the disclaimer and the greeting", async () => {
    await page.locator("#disclaimer").waitFor({ state: "visible" });
    assert.match(await page.locator("#disclaimer").innerText(), /not a diagnosis/);
    await botMessages().filter({ hasText: "self-care assistant for sciatica" }).first().waitFor();
  });

  await t.test("answers a quick reply, with a typing indicator first", async () => {
    const reply = page.locator(".rw-reply", { hasText: "Yes, I understand" });
    await reply.waitFor({ state: "visible" });
    const before = await botMessages().count();
    await reply.click();
    await page.locator(".rw-typing-indication").waitFor({ state: "visible" });
    await userMessages().filter({ hasText: "Yes, I understand" }).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll(".rw-message .rw-response").length > n,
      before,
    );
  });

  await t.test("shows a user's HTML as text and runs none of it", async () => {
    // Not a greeting: the reload test below counts the greetings.
    await send("<script>window.__injected = 1</script><b>bold</b> text");
    await userMessages().filter({ hasText: "<script>" }).waitFor();
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.equal(await page.locator(".rw-client b").count(), 0);
  });

  await t.test("shows a typed red flag as a distinct emergency with call buttons", async () => {
    await send("I can't control my bladder since this morning");
    const emergency = page.locator(".rw-response.sc-emergency");
    await emergency.waitFor({ state: "visible" });
    assert.match(await emergency.innerText(), /EMERGENCY/);
    assert.match(await emergency.innerText(), /999/);
    const colour = await emergency.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(colour, "rgb(176, 0, 32)");
    const plain = await botMessages().first().evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(plain, colour, "ordinary messages must not look like the emergency");
    for (const number of ["999", "911", "112"]) {
      await page.locator(`a.rw-reply[href="tel:${number}"]`).waitFor({ state: "visible" });
    }
    await page.screenshot({ path: join(ARTIFACT_DIR, "chat-emergency-phone.png"), fullPage: true });
  });

  await t.test("is readable on a phone-sized screen", async () => {
    const layout = await page.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      fontSize: parseFloat(getComputedStyle(document.querySelector(".rw-response")).fontSize),
      inputBottom: document.querySelector(".rw-new-message").getBoundingClientRect().bottom,
      viewportHeight: window.innerHeight,
    }));
    assert.ok(layout.pageWidth <= layout.viewport, `no sideways scrolling: ${JSON.stringify(layout)}`);
    assert.ok(layout.fontSize >= 14, `messages at least 14px: ${layout.fontSize}`);
    assert.ok(layout.inputBottom <= layout.viewportHeight, "the message box is on screen");
  });

  await t.test("restores the conversation after a reload", async () => {
    const id = await sessionId();
    const count = await botMessages().count();
    await page.reload();
    await page.locator(".rw-response.sc-emergency").waitFor({ state: "visible" });
    await userMessages().filter({ hasText: "I can't control my bladder" }).waitFor();
    assert.equal(await sessionId(), id, "the same conversation continues");
    await page.waitForTimeout(1500); // nothing new may arrive (no second greeting)
    assert.equal(await botMessages().count(), count);
    const greetings = botMessages().filter({ hasText: "self-care assistant for sciatica" });
    assert.equal(await greetings.count(), 1);
    await page.screenshot({ path: join(ARTIFACT_DIR, "chat-restored-phone.png"), fullPage: true });
  });

  await t.test("draws the pain diary after a check-in", async () => {
    for (const answer of ["check in", "6", "my thigh", "sitting"]) {
      await send(answer);
      await page.waitForTimeout(1200);
    }
    const chart = page.locator('img[src*="chart/"]');
    await chart.waitFor({ state: "visible" });
    await page.waitForFunction(() => {
      const img = document.querySelector('img[src*="chart/"]');
      return img && img.complete && img.naturalWidth > 0;
    });
    await page.screenshot({ path: join(ARTIFACT_DIR, "chat-chart-phone.png"), fullPage: true });
  });

  await t.test("offers the clinician summary as a file", async () => {
    await send("give me a summary for my doctor");
    const link = page.locator("a.rw-reply", { hasText: "Download the summary" });
    await link.waitFor({ state: "visible" });
    const href = await link.getAttribute("href");
    const reply = await page.request.get(new URL(href, page.url()).toString());
    assert.equal(reply.status(), 200);
    assert.match(reply.headers()["content-disposition"], /attachment/);
    assert.match(await reply.text(), /not a diagnosis/i);
  });

  await t.test("deletes the conversation here and on the server", async () => {
    const id = await sessionId();
    const tracker = async () => {
      const reply = await fetch(`${API_URL}/conversations/${id}/tracker?token=${RASA_TOKEN}`);
      assert.equal(reply.status, 200);
      return reply.json();
    };
    const said = (stored) => stored.events.filter((e) => e.event === "user").length;
    assert.ok(said(await tracker()) > 0);
    page.once("dialog", (dialog) => dialog.accept());
    await Promise.all([page.waitForEvent("load"), page.locator("#delete-conversation").click()]);
    await botMessages().filter({ hasText: "self-care assistant for sciatica" }).first().waitFor();
    assert.notEqual(await sessionId(), id, "a new conversation starts");
    assert.equal(await page.locator(".rw-response.sc-emergency").count(), 0);
    // Asking for a tracker that does not exist starts an empty one.
    assert.equal(said(await tracker()), 0, "nothing the person said is stored");
  });

  await t.test("contacted no other host and raised no page error", async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
  });
});
