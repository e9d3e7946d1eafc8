// The page: builds the request from the article boxes, shows the brief with its sources.
// Every piece of text from the user or the service goes into the page as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const articles = $("articles");
// The largest budget the service takes: the input's own bound until the service's description says (readLimits).
let maxWords = Number($("max-words").max) || Infinity;
let nextId = 1;
let busy = false;
let lastBrief = null;     // the service's answer
let lastArticles = [];    // the articles as they were sent for it: {id, text, title, source, published, url, name, number}
let labels = new Map();  // the service's name for each cited article: document_id -> {label, numbered}
let canFetch = false;     // does the service fetch articles given by link?
let lastDigest = null;    // the service's answer in digest mode
let lastTimeline = null;  // the service's answer in timeline mode

function element(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// --- the article boxes -------------------------------------------------------------------------------------------

const FIELDS = [
  ["source", "Outlet", "text", "e.g. Reuters"],
  ["title", "Title", "text", ""],
  ["published", "Date", "date", ""],
  ["url", "Link", "url", "https://…"],
];

function renumber() {
  [...articles.children].forEach((box, index) => {
    const number = index + 1;
    box.querySelector(".label").textContent = `Article ${number}`;
    box.querySelector("textarea").setAttribute("aria-label", `Article ${number} text`);
    box.querySelector(".remove").setAttribute("aria-label", `Remove article ${number}`);
    box.querySelector(".seen-toggle input").setAttribute("aria-label", `Article ${number} already read`);
    box.querySelector("summary").textContent = `Source details of article ${number} (outlet, title, date, link)`;
  });
}

function addArticle(text = "", details = {}) {
  // Each box keeps its id for its life: a brief's markers point at ids, never at positions that change.
  const id = String(nextId++);
  const error = element("div", { class: "field-error", role: "alert" });
  const area = element("textarea", { placeholder: "Paste the article text here" });
  area.value = text;
  const inputs = FIELDS.map(([name, label, type, placeholder]) => {
    const input = element("input", { type, id: `a${id}-${name}`, "data-field": name, placeholder });
    input.value = details[name] || "";
    return element("div", {}, [element("label", { for: input.id, text: label }), input]);
  });
  const seen = element("input", { type: "checkbox", onchange: () => { box.classList.toggle("seen", seen.checked); markStale(); } });
  const box = element("div", { class: "article", "data-id": id }, [
    element("header", {}, [
      element("span", { class: "label" }),
      element("label", { class: "seen-toggle", title: "An article you have read: the brief tells what the others add" }, [seen, "Already read"]),
      element("button", { type: "button", class: "remove", text: "Remove", onclick: () => removeArticle(box) }),
    ]),
    area,
    element("details", {}, [element("summary"), element("div", { class: "fields" }, inputs)]),
    error,
  ]);
  if (Object.values(details).some(Boolean)) box.querySelector("details").open = true;
  articles.append(box);
  renumber();
  return area;
}

// Focus goes to the box that takes the removed one's place (the next, else the previous), else to "Add article".
function removeArticle(box) {
  const next = box.nextElementSibling || box.previousElementSibling;
  box.remove();
  renumber();
  relabel();
  markStale();
  (next ? next.querySelector("textarea") : $("add")).focus();
}

function boxArticle(box, number) {
  const article = { id: box.dataset.id, text: box.querySelector("textarea").value, number,
    seen: box.querySelector(".seen-toggle input").checked };
  if (box.dataset.file) article.name = box.dataset.file;
  for (const input of box.querySelectorAll("[data-field]")) {
    if (input.value.trim()) article[input.dataset.field] = input.value.trim();
  }
  return article;
}

// --- errors and state --------------------------------------------------------------------------------------------

function clearErrors() {
  $("banner").textContent = "";
  document.querySelectorAll(".field-error").forEach((node) => { node.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
}

function showError(error, sent = [], seenSent = []) {
  const field = error.field || "";
  const message = error.message || "Something went wrong.";
  const match = field.match(/^(?:documents|seen)\[(\d+)\](?:\.(\w+))?/);
  const article = match ? (field.startsWith("seen") ? seenSent : sent)[Number(match[1])] : null;
  const box = article ? articles.querySelector(`.article[data-id="${article.id}"]`) : null;
  if (box) {
    const number = [...articles.children].indexOf(box) + 1;
    const part = match[2] && match[2] !== "text" ? ` (${match[2]})` : "";
    box.querySelector(".field-error").textContent = `Article ${number}${part}: ${message}`;
    const target = (match[2] && box.querySelector(`[data-field="${match[2]}"]`)) || box.querySelector("textarea");
    if (target.closest("details")) target.closest("details").open = true;
    target.setAttribute("aria-invalid", "true");
    target.focus();
  } else if (field === "max_words" || field === "max_sentences") {
    $("max-words-error").textContent = `Length: ${message}`;
    $("max-words").setAttribute("aria-invalid", "true");
    $("max-words").focus();
  } else if (field === "query") {
    $("query-error").textContent = `Focus: ${message}`;
    $("query").setAttribute("aria-invalid", "true");
    $("query").focus();
  } else {
    $("banner").textContent = field === "documents" || field === "seen" ? `Articles: ${message}` : message;
  }
}

function setBusy(value) {
  busy = value;
  $("summarize").disabled = value;
  $("progress").classList.toggle("active", value);
  $("progress-text").textContent = value ? ($("mode-timeline").checked ? "Dating the story…" : "Summarizing…") : "";
  $("brief").setAttribute("aria-busy", String(value));
}

// A brief shown is marked stale as soon as what it was made from changes, or a newer request fails.
function markStale(reason = "The articles or options changed since this brief was made; summarize again to update it.") {
  if (!lastBrief && !lastDigest && !lastTimeline) return;
  $("brief").classList.add("stale");
  $("stale").textContent = reason;
  $("stale").hidden = false;
}

function clearStale() {
  $("brief").classList.remove("stale");
  $("stale").hidden = true;
  $("stale").textContent = "";
}

// --- the request -------------------------------------------------------------------------------------------------

function readLength() {
  const input = $("max-words");
  const words = input.value.trim();
  if (input.validity.badInput || (words && !/^\d+$/.test(words))) return { error: "enter a whole number of words." };
  if (!words) return { value: undefined };
  const value = Number(words);
  if (value < 1 || value > maxWords) {
    return { error: `must be from 1 to ${maxWords.toLocaleString("en")}, not ${value.toLocaleString("en")}.` };
  }
  return { value };
}

async function summarize() {
  if (busy) return;  // one request at a time
  clearErrors();
  const boxes = [...articles.children];
  // An empty box is left out, unless the service fetches links and the box has one: then the link is the article.
  const given = boxes.map((box, index) => boxArticle(box, index + 1))
    .filter((article) => article.text.trim() || (canFetch && article.url))
    .map((article) => (article.text.trim() ? article : (({ text, ...rest }) => rest)(article)));
  const digestMode = $("mode-digest").checked;
  const timelineMode = $("mode-timeline").checked;
  // "Already read" makes an update brief; a timeline or a digest takes every article.
  const update = !digestMode && !timelineMode && given.some((article) => article.seen) && given.some((article) => !article.seen);
  const sent = update ? given.filter((article) => !article.seen) : given;
  const seenSent = update ? given.filter((article) => article.seen) : [];
  if (!sent.length) {
    const first = boxes[0];
    if (first) showError({ field: "documents[0]", message: "paste an article to summarize." }, [boxArticle(first, 1)]);
    else showError({ field: "documents", message: "add at least one article." });
    return;
  }
  const plain = ({ number, seen, ...article }) => article;
  const body = { documents: sent.map(plain) };
  if (update) body.seen = seenSent.map(plain);
  if (!timelineMode) {
    const length = readLength();
    if (length.error) { showError({ field: "max_words", message: length.error }); return; }
    if (length.value !== undefined) body.max_words = length.value;
    if ($("query").value.trim()) body.query = $("query").value;
  }
  setBusy(true);
  try {
    const route = digestMode ? "v1/digest" : timelineMode ? "v1/timeline" : "v1/summarize";
    const response = await fetch(route, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    let answer = null;
    try { answer = await response.json(); } catch (ignored) { /* not JSON */ }
    if (!response.ok) {
      showError((answer && answer.error) || { message: `The service answered ${response.status}.` }, sent, seenSent);
      markStale("The last request failed; the brief below is from before it.");
      return;
    }
    lastArticles = [...sent, ...seenSent];
    learnLabels(answer);
    if (digestMode) renderDigest(answer);
    else if (timelineMode) renderTimeline(answer);
    else renderBrief(answer);
  } catch (failure) {
    showError({ message: "Could not reach the service. Check that it is running and try again." });
    markStale("The last request failed; the brief below is from before it.");
  } finally {
    setBusy(false);
  }
}

// --- the brief ---------------------------------------------------------------------------------------------------

function sentArticle(id) {
  return lastArticles.find((item) => item.id === id);
}

// How a reader names a source: the service's name for it (its headline, else outlet and date); an article the
// service could only number is named by the file it came from, else by its box as the boxes are now numbered.
function sourceLabel(id) {
  const article = sentArticle(id) || {};
  const read = article.seen ? " (already read)" : "";
  const known = labels.get(id);
  if (known && !known.numbered) return known.label + read;
  if (article.name) return article.name + read;
  return `Article ${boxNumber(id) || article.number || id}${read}`;
}

// A source as listed under a brief: its name, and the outlet and date of one named by its headline.
function sourceEntry(id) {
  const known = labels.get(id);
  return sourceLabel(id) + (known && !known.numbered && known.detail ? ` (${known.detail})` : "");
}

function boxNumber(id) {
  return [...articles.children].findIndex((box) => box.dataset.id === id) + 1;
}

// Every cited article's name in an answer: a brief's or a timeline's sources, or each digest story's.
function learnLabels(answer) {
  const sources = [...(answer.sources || []), ...(answer.stories || []).flatMap((story) => (story.brief ? story.brief.sources : []))];
  labels = new Map(sources.map((source) => [source.document_id, source]));
}

// Cited articles numbered 1, 2, 3 … in the order the brief first cites them (the service's numbering).
function sourceNumbers(brief) {
  return new Map((brief.sources || []).map((source) => [source.document_id, source.number]));
}

// A page pasted as HTML comes back as the article the service read from it: offsets refer to that text, and the
// title, outlet and date it found fill the box's empty source fields.
function adoptExtracted(brief) {
  for (const found of brief.documents || []) {
    const article = sentArticle(found.id);
    if (!article) continue;
    if (found.text !== undefined) article.text = found.text;
    const box = articles.querySelector(`.article[data-id="${found.id}"]`);
    for (const name of ["title", "source", "published"]) {
      if (!found[name] || article[name]) continue;
      article[name] = found[name];
      const input = box && box.querySelector(`[data-field="${name}"]`);
      if (input && !input.value) input.value = name === "published" ? found[name].slice(0, 10) : found[name];
    }
  }
}

// The result drawn again with the articles' names as the boxes now are (after one is removed), where it was.
function relabel() {
  if (lastBrief) renderBrief(lastBrief, true);
  else if (lastDigest) renderDigest(lastDigest, true);
  else if (lastTimeline) renderTimeline(lastTimeline, true);
}

// The result's heading at the top of the screen, at every width, and focus on it for screen readers.
function showResult() {
  $("brief-heading").focus({ preventScroll: true });
  $("brief-heading").scrollIntoView({ block: "start" });
}

function renderBrief(brief, quiet = false) {
  lastBrief = brief;
  lastDigest = null;
  lastTimeline = null;
  adoptExtracted(brief);
  clearStale();
  $("viewer").hidden = true;
  $("brief").replaceChildren(...briefNodes(brief, true));
  $("copy-bar").hidden = !brief.sentences.length;
  if (brief.sentences.length && !quiet) showResult();
}

// Digest mode: one section per story, its label and size, then its brief (or why it has none).
function renderDigest(result, quiet = false) {
  lastDigest = result;
  lastBrief = null;
  lastTimeline = null;
  clearStale();
  $("viewer").hidden = true;
  const holder = $("brief");
  holder.replaceChildren();
  result.stories.forEach((story, index) => {
    if (story.brief) adoptExtracted(story.brief);
    const count = story.document_ids.length;
    const section = element("section", { class: "story", "aria-label": `Story ${index + 1}` }, [
      element("h3", { text: `${index + 1}. ${story.label}` }),
      element("p", { class: "meta", text: `${count === 1 ? "1 article" : `${count} articles`}: ${story.document_ids.map(boxName).join(", ")}` }),
    ]);
    if (story.brief) section.append(...briefNodes(story.brief, false));
    else section.append(element("p", { class: "meta", text: `No brief: ${story.note || "none was made"}.` }));
    holder.append(section);
  });
  $("copy-bar").hidden = !result.stories.length;
  if (!quiet) showResult();
}

function boxName(id) {
  return sourceLabel(id).replace(/ \(already read\)$/, "");
}

// A warning as a reader reads it: the service's message, with each article it names (its `args`) called by the name
// the page shows for it rather than by the id the page sent.
function noticeText(notice) {
  const ids = [notice.args.document_id, ...(notice.args.document_ids || []),
    ...(notice.args.stories || []).flatMap((story) => story.document_ids)].filter((id) => id && sentArticle(id));
  let text = notice.message;
  for (const id of new Set(ids)) {
    const name = boxName(id);
    const shown = name.startsWith("Article ") ? name : `“${name}”`;
    text = text.split(`article '${id}'`).join(shown).split(`'${id}'`).join(shown);
  }
  return text;
}

function warningNodes(answer) {
  return (answer.notices || []).map((notice) => element("p", { class: "warning", role: "note", "data-code": notice.code,
    text: `Note: ${noticeText(notice)}` }));
}

// Timeline mode: the entries in date order, each its date and its sentences with their markers, then the sources.
function timelineBrief(result) {
  return { ...result, sentences: result.entries.flatMap((entry) => entry.sentences) };
}

function renderTimeline(result, quiet = false) {
  lastTimeline = result;
  lastBrief = null;
  lastDigest = null;
  adoptExtracted(result);
  clearStale();
  $("viewer").hidden = true;
  const brief = timelineBrief(result);
  const numbers = sourceNumbers(brief);
  const warnings = warningNodes(result);
  let index = 0;
  const entries = result.entries.map((entry) => {
    const body = element("p");
    for (const sentence of entry.sentences) body.append(sentenceNode(brief, sentence, index++, numbers));
    return element("li", { class: "entry" }, [element("time", { datetime: entry.date, text: entry.label }), body]);
  });
  const nodes = entries.length
    ? [element("ol", { class: "timeline", "aria-label": "Timeline" }, entries), sourcesNode(brief, true),
      element("p", { class: "meta", text: `${entries.length === 1 ? "1 entry" : `${entries.length} entries`} from ${result.documents.length} articles` })]
    : [element("p", { class: "meta", text: "No dated sentence could be chosen." })];
  $("brief").replaceChildren(...nodes, ...warnings);
  $("copy-bar").hidden = !entries.length;
  if (!quiet) showResult();
}

// A note's text with each source number a marker that opens the article at the sentence giving that figure.
function noteParts(brief, disagreement, numbers) {
  return disagreement.note.split(/(\[\d+\])/).filter(Boolean).map((part) => {
    const number = Number((part.match(/^\[(\d+)\]$/) || [])[1]);
    const claim = number && (disagreement.claims || []).find((item) => numbers.get(item.document_id) === number);
    if (!claim) return part;
    return element("button", {
      type: "button", class: "marker", "aria-pressed": "false", text: part, "data-source": claim.document_id,
      title: `${sourceLabel(claim.document_id)}: gives ${claim.figure}`,
      "aria-label": `Show source ${number}, ${sourceLabel(claim.document_id)}, where it gives ${claim.figure}`,
      onclick: (event) => showClaim(brief, claim, event.currentTarget),
    });
  });
}

function sentenceNode(brief, sentence, index, numbers) {
  const line = element("span", { class: "sentence", "data-index": String(index) }, [sentence.display]);
  const markers = [];
  for (const source of sentence.sources) {
    const number = numbers.get(source);
    const similarity = matchOf(sentence, source).similarity;
    const how = source === sentence.document_id ? "the sentence's own article" : "reports the same fact";
    markers.push(element("button", {
      type: "button", class: "marker", "aria-pressed": "false", text: `[${number}]`, "data-source": source,
      "data-similarity": similarity.toFixed(2),
      title: `${sourceLabel(source)}: ${how}`, "aria-label": `Show source ${number}, ${sourceLabel(source)}, for this sentence (${how})`,
      onclick: (event) => showSource(brief, sentence, source, event.currentTarget),
    }));
  }
  const count = sentence.sources.length;
  // The count never wraps onto a line of its own (it stays with the last marker), and a screen reader hears a
  // stop after it, before the next sentence.
  const last = markers.pop();
  line.append(...markers, element("span", { class: "refs-end" }, [
    ...(last ? [last] : []),
    element("span", { class: "count", text: count === 1 ? "1 article" : `${count} articles` }),
    element("span", { class: "sr-only", text: ". " }),
  ]));
  for (const disagreement of (brief.disagreements || []).filter((d) => d.sentence === index)) {
    line.append(element("span", { class: "disagreement", role: "note" }, noteParts(brief, disagreement, numbers)));
  }
  return line;
}

function sourcesNode(brief, single) {
  const cited = (brief.sources || []).map((source) => {
    const article = sentArticle(source.document_id) || {};
    const item = element("li", { value: String(source.number) }, [sourceEntry(source.document_id)]);
    if (article.url) item.append(" — ", element("a", { href: article.url, rel: "noopener noreferrer", target: "_blank", text: article.url }));
    return item;
  });
  const list = element("ol", { class: "sources", "aria-label": "Sources" }, cited);
  if (single) list.id = "sources";
  return list;
}

function briefNodes(brief, single) {
  const warnings = warningNodes(brief);
  if (!brief.sentences.length) return [element("p", { class: "meta", text: "No sentence could be chosen." }), ...warnings];
  const numbers = sourceNumbers(brief);
  const paragraph = element("p");
  brief.sentences.forEach((sentence, index) => paragraph.append(sentenceNode(brief, sentence, index, numbers)));
  const drawn = new Set(brief.sentences.flatMap((sentence) => sentence.sources)).size;
  const read = (brief.seen || []).length;
  const what = read ? `what ${brief.documents.length - read} articles add to ${read} already read` : `${brief.documents.length} articles`;
  return [paragraph, sourcesNode(brief, single),
    element("p", { class: "meta", text: `${brief.word_count} words from ${drawn} of ${what}` }),
    ...warnings];
}

function matchOf(sentence, source) {
  return (sentence.matches || []).find((item) => item.document_id === source) || { similarity: 1 };
}

// The service counts characters as Unicode code points; JavaScript strings index UTF-16 units.
function utf16Index(text, codePoints) {
  let units = 0;
  let seen = 0;
  for (const character of text) {
    if (seen === codePoints) break;
    units += character.length;
    seen += 1;
  }
  return units;
}

function showSource(brief, sentence, source, button) {
  const match = (sentence.matches || []).find((item) => item.document_id === source);
  const how = source === sentence.document_id ? "" : " — the same fact, in its words";
  openArticle(brief, source, match, button, how);
}

// A note's number: the article it cites, with the sentence that gives its figure highlighted.
function showClaim(brief, claim, button) {
  openArticle(brief, claim.document_id, { start: claim.sentence_start, end: claim.sentence_end }, button,
    ` — gives ${claim.figure}`);
}

function openArticle(brief, source, match, button, how) {
  document.querySelectorAll(".marker[aria-pressed=true]").forEach((node) => node.setAttribute("aria-pressed", "false"));
  button.setAttribute("aria-pressed", "true");
  const article = sentArticle(source);
  const text = article ? article.text : "";
  const viewer = $("viewer-text");
  viewer.replaceChildren();
  $("viewer-title").textContent = `[${sourceNumbers(brief).get(source)}] ${sourceLabel(source)}${how}`;
  $("viewer").hidden = false;
  if (match) {
    const start = utf16Index(text, match.start);
    const end = start + utf16Index(text.slice(start), match.end - match.start);
    const mark = element("mark", { text: text.slice(start, end) });
    viewer.append(text.slice(0, start), mark, text.slice(end));
    // The highlighted sentence on screen: the viewer scrolled to it, and the page to the viewer.
    mark.scrollIntoView({ block: "center", inline: "nearest" });
  } else {
    viewer.append(text);
    $("viewer").scrollIntoView({ block: "nearest" });
  }
  $("viewer-title").focus({ preventScroll: true });
}

// --- export ------------------------------------------------------------------------------------------------------

function status(text) {
  $("copy-status").textContent = text;
  setTimeout(() => { $("copy-status").textContent = ""; }, 2000);
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (ignored) {
    const area = element("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  status("Copied.");
}

function save(text, name, type) {
  const link = element("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  status(`Saved ${name}.`);
}

// --- loading articles --------------------------------------------------------------------------------------------

async function loadSample() {
  clearErrors();
  try {
    const response = await fetch("v1/sample");
    const answer = await response.json();
    if (!response.ok) { showError(answer.error || {}); return; }
    articles.replaceChildren();
    for (const item of answer.documents) addArticle(item.text, { title: item.title, source: item.source, url: item.url, published: item.published });
    markStale();
  } catch (failure) {
    showError({ message: "Could not load the sample articles." });
  }
}

async function addFiles(files) {
  for (const file of files) {
    const empty = [...articles.children].find((box) => !box.querySelector("textarea").value.trim());
    const text = await file.text();
    // The file's name (without its extension) names the article when its text has no headline.
    const box = empty || addArticle(text).closest(".article");
    box.querySelector("textarea").value = text;
    box.dataset.file = file.name.replace(/\.[^.]*$/, "") || file.name;
  }
  markStale();
}

$("add").addEventListener("click", () => addArticle().focus());
$("sample").addEventListener("click", loadSample);
$("summarize").addEventListener("click", summarize);
function exportName(extension) {
  return `${lastDigest ? "digest" : lastTimeline ? "timeline" : "brief"}.${extension}`;
}

// What the reader copies or saves: the service's own rendering of the answer (text, markdown), or the answer itself.
function exported(format) {
  const answer = lastTimeline || lastDigest || lastBrief;
  if (!answer) return null;
  return format === "json" ? `${JSON.stringify(answer, null, 2)}\n` : answer.exports[format];
}

$("copy-text").addEventListener("click", () => exported("text") && copy(exported("text")));
$("copy-markdown").addEventListener("click", () => exported("markdown") && copy(exported("markdown")));
$("save-markdown").addEventListener("click", () => exported("markdown") && save(exported("markdown"), exportName("md"), "text/markdown"));
$("save-json").addEventListener("click", () => exported("json") && save(exported("json"), exportName("json"), "application/json"));
$("files").addEventListener("change", (event) => addFiles(event.target.files));
for (const id of ["articles", "max-words", "query", "mode"]) $(id).addEventListener("input", () => markStale());
for (const id of ["mode-brief", "mode-digest", "mode-timeline"]) $(id).addEventListener("change", () => {
  $("summarize").textContent = $("mode-digest").checked ? "Make digest" : $("mode-timeline").checked ? "Make timeline" : "Summarize";
  markStale();
});
const drop = $("drop");
document.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
document.addEventListener("dragleave", () => drop.classList.remove("over"));
document.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  addFiles(event.dataTransfer.files);
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "Enter") summarize();
});
async function readCapabilities() {
  try {
    const health = await (await fetch("healthz")).json();
    canFetch = Boolean(health.fetch_urls);
  } catch (ignored) { canFetch = false; }
  $("links-hint").hidden = !canFetch;
}

// The limits in force are the service's (its operator may change them): read from its OpenAPI description.
async function readLimits() {
  try {
    const description = await (await fetch("openapi.json")).json();
    const field = description.components.schemas.SummarizeRequest.properties.max_words;
    const maximum = (field.anyOf || [field]).map((option) => option.maximum).find(Number.isFinite);
    if (maximum) {
      maxWords = maximum;
      $("max-words").max = String(maximum);
    }
  } catch (ignored) { /* the input's own bound stays */ }
}

// --- drafts: what the reader typed survives a reload ---------------------------------------------------------------

const DRAFT_KEY = "news-brief-draft";

function saveDraft() {
  const boxes = [...articles.children].map((box, index) => boxArticle(box, index + 1))
    .map(({ id, number, ...article }) => article);
  const draft = { articles: boxes, maxWords: $("max-words").value, query: $("query").value };
  const kept = boxes.some((article) => Object.values(article).some((value) => value && value !== true)) || draft.query;
  $("start-over").hidden = !kept;
  try {
    if (kept) localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT_KEY);
  } catch (ignored) { /* storage full or off: the page works without drafts */ }
}

function restoreDraft() {
  let draft = null;
  try { draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null"); } catch (ignored) { draft = null; }
  if (!draft || !Array.isArray(draft.articles) || !draft.articles.length) return false;
  for (const article of draft.articles) {
    const { text = "", seen = false, ...details } = article || {};
    addArticle(String(text), details);
    articles.lastElementChild.querySelector(".seen-toggle input").checked = Boolean(seen);
    articles.lastElementChild.classList.toggle("seen", Boolean(seen));
  }
  if (draft.maxWords) $("max-words").value = draft.maxWords;
  if (draft.query) $("query").value = draft.query;
  $("start-over").hidden = false;
  return true;
}

function startOver() {
  try { localStorage.removeItem(DRAFT_KEY); } catch (ignored) { /* nothing kept */ }
  articles.replaceChildren();
  addArticle();
  addArticle();
  $("query").value = "";
  $("start-over").hidden = true;
  clearErrors();
  markStale();
  articles.querySelector("textarea").focus();
}

let draftTimer = null;
function draftChanged() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDraft, 300);
}

for (const id of ["articles", "max-words", "query"]) $(id).addEventListener("input", draftChanged);
$("articles").addEventListener("change", draftChanged);
$("start-over").addEventListener("click", startOver);

if (!restoreDraft()) {
  addArticle();
  addArticle();
}
// Boxes added, removed or filled by the sample or files are kept too.
new MutationObserver(draftChanged).observe(articles, { childList: true });
readCapabilities();
readLimits();
