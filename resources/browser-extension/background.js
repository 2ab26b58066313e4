// VideoConduit Desktop's browser extension: one source for Chromium-family browsers and Firefox.
// Sends a link, a media element's page or the current page to the desktop app through native
// messaging (host "com.videoconduit.desktop") and shows the app's answer briefly on the button.
//
// The message contract (README, "Send links from your browser"):
//   request {"urls": ["https://…"], "title": "…", "source": "context-menu" | "toolbar" | "shortcut"}
//   reply   {"ok": true, "queued": N, "skipped": M, "held": H} | {"ok": false, "reason": "…"}
"use strict";

const HOST = "com.videoconduit.desktop";
const BADGE_MS = 4000;
const MENU = {
  link: "vc-link",
  media: "vc-media",
  page: "vc-page",
};

function createMenus() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({id: MENU.link, title: "Download link with VideoConduit Desktop",
                                contexts: ["link"]});
    // A <video>/<audio> source is often a blob: or a stream part: VideoConduit takes the page.
    chrome.contextMenus.create({id: MENU.media, title: "Download this page's video",
                                contexts: ["video", "audio"]});
    chrome.contextMenus.create({id: MENU.page, title: "Download this page's video",
                                contexts: ["page"]});
  });
}

function isWebLink(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

// What a reply means to the person, in a few words (the badge's tooltip holds the sentence).
function describe(reply) {
  if (!reply || typeof reply !== "object") {
    return {badge: "!", text: "VideoConduit Desktop gave no answer."};
  }
  if (!reply.ok) {
    return {badge: "!", text: String(reply.reason || "VideoConduit Desktop refused the link.")};
  }
  if (reply.queued > 0) {
    return {badge: "✓", text: reply.queued === 1 ? "Queued" : `Queued ${reply.queued} links`};
  }
  if (reply.held > 0) {
    return {badge: "…", text: "Waiting for your OK in VideoConduit Desktop"};
  }
  return {badge: "=", text: "Already in your queue"};
}

async function show(tabId, result) {
  const where = tabId === undefined ? {} : {tabId};
  await chrome.action.setBadgeText({...where, text: result.badge});
  await chrome.action.setTitle({...where, title: result.text});
  setTimeout(() => {
    chrome.action.setBadgeText({...where, text: ""});
    chrome.action.setTitle({...where, title: chrome.runtime.getManifest().action.default_title});
  }, BADGE_MS);
}

// Send `urls` to the desktop app; resolves to the app's reply (or our own {"ok": false} one).
async function sendLinks(urls, {tabId, title, source} = {}) {
  const links = urls.filter(isWebLink);
  if (links.length === 0) {
    const reply = {ok: false, reason: "Only web pages (http:// or https://) can be sent."};
    await show(tabId, describe(reply));
    return reply;
  }
  let reply;
  try {
    reply = await chrome.runtime.sendNativeMessage(HOST, {urls: links, title, source});
  } catch (error) {
    // Host missing, not allowed for our id, or it exited without answering.
    reply = {ok: false, setup: true, reason: "VideoConduit Desktop isn't set up — how to fix"};
    console.warn("native messaging failed:", error && error.message);
    await chrome.tabs.create({url: chrome.runtime.getURL("help.html#set-up")});
  }
  await show(tabId, describe(reply));
  return reply;
}

function handleMenuClick(info, tab) {
  const tabId = tab && tab.id;
  const title = tab && tab.title;
  if (info.menuItemId === MENU.link) {
    return sendLinks([info.linkUrl], {tabId, title, source: "context-menu"});
  }
  // The media element and the page itself: the page's address, never a blob: source.
  return sendLinks([info.pageUrl || (tab && tab.url)], {tabId, title, source: "context-menu"});
}

async function sendActiveTab(source) {
  const [tab] = await chrome.tabs.query({active: true, currentWindow: true});
  if (!tab) return {ok: false, reason: "No page is open."};
  return sendLinks([tab.url], {tabId: tab.id, title: tab.title, source});
}

chrome.runtime.onInstalled.addListener(createMenus);
chrome.contextMenus.onClicked.addListener(handleMenuClick);
chrome.action.onClicked.addListener((tab) => sendLinks([tab.url], {tabId: tab.id, title: tab.title,
                                                                   source: "toolbar"}));
chrome.commands.onCommand.addListener((command) => {
  if (command === "send-page") sendActiveTab("shortcut");
});

// The same entry points the menu, button and shortcut use, for the browser's own DevTools
// console and for the real-browser test (tests/browser), which calls them over DevTools.
globalThis.videoconduit = {sendLinks, handleMenuClick, sendActiveTab, describe};
