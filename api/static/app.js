// The page: builds the request from the article boxes, shows the brief with its sources.
// Every piece of text from the user or the service goes into the page as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const articles = $("articles");
let lastBrief = null;
let lastArticles = [];

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

function renumber() {
  [...articles.children].forEach((box, index) => {
    const number = index + 1;
    const title = box.dataset.title ? ` — ${box.dataset.title}` : "";
    box.querySelector(".label").textContent = `Article ${number}${title}`;
    box.querySelector("textarea").setAttribute("aria-label", `Article ${number} text`);
    box.querySelector(".remove").setAttribute("aria-label", `Remove article ${number}`);
  });
}

function addArticle(text = "", title = "") {
  const error = element("div", { class: "field-error", role: "alert" });
  const area = element("textarea", { placeholder: "Paste the article text here" });
  area.value = text;
  const box = element("div", { class: "article" }, [
    element("header", {}, [
      element("span", { class: "label" }),
      element("button", { type: "button", class: "remove", text: "Remove", onclick: () => { box.remove(); renumber(); } }),
    ]),
    area,
    error,
  ]);
  box.dataset.title = title;
  articles.append(box);
  renumber();
  return area;
}

function clearErrors() {
  $("banner").textContent = "";
  document.querySelectorAll(".field-error").forEach((node) => { node.textContent = ""; });
  document.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
}

function showError(error) {
  const field = error.field || "";
  const message = error.message || "Something went wrong.";
  const match = field.match(/^documents\[(\d+)\]/);
  const box = match ? articles.children[Number(match[1])] : null;
  if (box) {
    box.querySelector(".field-error").textContent = `Article ${Number(match[1]) + 1}: ${message}`;
    const area = box.querySelector("textarea");
    area.setAttribute("aria-invalid", "true");
    area.focus();
  } else if (field === "max_words" || field === "max_sentences") {
    $("max-words-error").textContent = `Length: ${message}`;
    $("max-words").setAttribute("aria-invalid", "true");
    $("max-words").focus();
  } else if (field === "query") {
    $("query-error").textContent = `Focus: ${message}`;
    $("query").setAttribute("aria-invalid", "true");
    $("query").focus();
  } else {
    $("banner").textContent = field === "documents" ? `Articles: ${message}` : message;
  }
}

function setBusy(busy) {
  $("summarize").disabled = busy;
  $("progress").classList.toggle("active", busy);
  $("progress-text").textContent = busy ? "Summarizing…" : "";
  $("brief").setAttribute("aria-busy", String(busy));
}

function currentArticles() {
  return [...articles.children].map((box, index) => {
    const article = { id: String(index + 1), text: box.querySelector("textarea").value };
    if (box.dataset.title) article.title = box.dataset.title;
    return article;
  });
}

async function summarize() {
  clearErrors();
  const documents = currentArticles();
  if (!documents.length) { showError({ field: "documents", message: "add at least one article." }); return; }
  const body = { documents };
  const words = $("max-words").value.trim();
  if (words) {
    if (!/^\d+$/.test(words)) { showError({ field: "max_words", message: "enter a whole number of words." }); return; }
    body.max_words = Number(words);
  }
  if ($("query").value.trim()) body.query = $("query").value;
  setBusy(true);
  try {
    const response = await fetch("v1/summarize", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    let answer = null;
    try { answer = await response.json(); } catch (ignored) { /* not JSON */ }
    if (!response.ok) {
      showError((answer && answer.error) || { message: `The service answered ${response.status}.` });
      return;
    }
    lastArticles = documents;
    renderBrief(answer);
  } catch (failure) {
    showError({ message: "Could not reach the service. Check that it is running and try again." });
  } finally {
    setBusy(false);
  }
}

function renderBrief(brief) {
  lastBrief = brief;
  const holder = $("brief");
  holder.replaceChildren();
  $("viewer").hidden = true;
  if (!brief.sentences.length) {
    holder.append(element("p", { class: "meta", text: (brief.warnings || []).join(" ") || "No sentence could be chosen." }));
    $("copy-bar").hidden = true;
    return;
  }
  const paragraph = element("p");
  brief.sentences.forEach((sentence, index) => {
    const shown = sentence.display || sentence.text.replace(/\s+/g, " ");
    const line = element("span", { class: "sentence", "data-index": String(index) }, [shown]);
    for (const source of sentence.sources) {
      const similarity = matchOf(sentence, source).similarity;
      const how = source === sentence.document_id ? "the sentence's own article" : `similarity ${similarity.toFixed(2)}`;
      line.append(element("button", {
        type: "button", class: "marker", "aria-pressed": "false", text: `[${source}]`, title: `Article ${source}: ${how}`,
        "aria-label": `Show article ${source} for this sentence (${how})`,
        onclick: (event) => showSource(sentence, source, event.currentTarget),
      }));
    }
    const count = sentence.sources.length;
    line.append(element("span", { class: "count", text: count === 1 ? "1 article" : `${count} articles` }));
    for (const disagreement of (brief.disagreements || []).filter((d) => d.sentence === index)) {
      line.append(element("span", { class: "disagreement", role: "note", text: disagreementNote(disagreement) }));
    }
    paragraph.append(line);
  });
  holder.append(paragraph, element("p", { class: "meta", text: `${brief.word_count} words from ${brief.documents.length} articles` }));
  $("copy-bar").hidden = false;
  $("brief-heading").focus();
}

function matchOf(sentence, source) {
  return (sentence.matches || []).find((item) => item.document_id === source) || { similarity: 1 };
}

// "Reports differ on deaths: about 600 (Seoul) [5]; around 1,000 (Western officials) [1]", numbered like the page's
// article boxes.
function disagreementNote(disagreement) {
  const claims = disagreement.claims.map((claim) => {
    const who = claim.speaker ? ` (${claim.speaker})` : "";
    const figure = /^[A-Z][a-z]/.test(claim.figure) ? claim.figure[0].toLowerCase() + claim.figure.slice(1) : claim.figure;
    return `${figure}${who} [${claim.document_id}]`;
  });
  return `Reports differ on ${disagreement.subject}: ${claims.join("; ")}`;
}

function showSource(sentence, source, button) {
  document.querySelectorAll(".marker[aria-pressed=true]").forEach((node) => node.setAttribute("aria-pressed", "false"));
  button.setAttribute("aria-pressed", "true");
  const article = lastArticles.find((item) => item.id === source);
  const match = (sentence.matches || []).find((item) => item.document_id === source);
  const text = article ? article.text : "";
  const viewer = $("viewer-text");
  viewer.replaceChildren();
  if (match) {
    const mark = element("mark", { text: text.slice(match.start, match.end) });
    viewer.append(text.slice(0, match.start), mark, text.slice(match.end));
    $("viewer").hidden = false;
    // Scroll the article box, not the page, to the highlighted sentence.
    viewer.scrollTop = Math.max(0, mark.offsetTop - viewer.offsetTop - viewer.clientHeight / 3);
  } else {
    viewer.append(text);
    $("viewer").hidden = false;
  }
  const similarity = source === sentence.document_id ? "" : ` (similarity ${matchOf(sentence, source).similarity.toFixed(2)})`;
  $("viewer-title").textContent = `Article ${source}${article && article.title ? " — " + article.title : ""}${similarity}`;
  $("viewer-title").focus({ preventScroll: true });
}

function briefAsMarkdown(brief) {
  const lines = brief.sentences.map((s) => s.text.replace(/\s+/g, " ") + s.sources.map((id) => ` [${id}]`).join(""));
  const cited = [...new Set(brief.sentences.flatMap((s) => s.sources))].sort((a, b) => Number(a) - Number(b));
  const sources = cited.map((id) => {
    const article = lastArticles.find((item) => item.id === id);
    return `[${id}] ${(article && article.title) || "Article " + id}`;
  });
  return `${lines.join(" ")}\n\nSources:\n${sources.join("\n")}\n`;
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
  $("copy-status").textContent = "Copied.";
  setTimeout(() => { $("copy-status").textContent = ""; }, 2000);
}

async function loadSample() {
  clearErrors();
  try {
    const response = await fetch("v1/sample");
    const answer = await response.json();
    if (!response.ok) { showError(answer.error || {}); return; }
    articles.replaceChildren();
    for (const item of answer.documents) addArticle(item.text, item.title || item.id);
  } catch (failure) {
    showError({ message: "Could not load the sample articles." });
  }
}

async function addFiles(files) {
  for (const file of files) {
    const empty = [...articles.children].find((box) => !box.querySelector("textarea").value.trim());
    const text = await file.text();
    if (empty) { empty.querySelector("textarea").value = text; empty.dataset.title = file.name; renumber(); }
    else addArticle(text, file.name);
  }
}

$("add").addEventListener("click", () => addArticle().focus());
$("sample").addEventListener("click", loadSample);
$("summarize").addEventListener("click", summarize);
$("copy-text").addEventListener("click", () => lastBrief && copy(lastBrief.text));
$("copy-markdown").addEventListener("click", () => lastBrief && copy(briefAsMarkdown(lastBrief)));
$("files").addEventListener("change", (event) => addFiles(event.target.files));
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
addArticle();
addArticle();
