/* Accord dashboard helpers. No HTML strings are ever parsed: nodes are built and text goes through textContent. */
"use strict";
(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function getJSON(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    const resp = await fetch(url.toString(), { headers: { Accept: "application/json" } });
    const body = await resp.json();
    if (!resp.ok) {
      const detail = body && body.error ? body.error.detail : resp.statusText;
      throw new Error(String(detail));
    }
    return body;
  }

  function status(container, message) {
    container.replaceChildren(el("p", { class: "status" }, message));
  }

  /* Actor codes are upper-case: normalise the filter inputs before submitting. */
  function tidyFilters() {
    const form = document.getElementById("event-filters") || document.getElementById("dyad-form");
    if (!form) return;
    form.addEventListener("submit", function () {
      for (const name of ["actor", "a", "b", "source", "target", "country"]) {
        const input = form.elements.namedItem(name);
        if (input && input.value) input.value = input.value.trim().toUpperCase();
      }
      // Leave empty fields out of the URL.
      for (const input of Array.from(form.elements)) {
        if (input.name && input.value === "" && input.tagName !== "BUTTON") input.disabled = true;
      }
    });
  }

  window.Accord = { svg, el, getJSON, status };
  document.addEventListener("DOMContentLoaded", tidyFilters);
})();
