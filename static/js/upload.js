/* Upload page: drop several files, set each one's publisher and date, upload with progress,
   then follow each article's parsing (queued → parsing → parsed / failed / unsupported) by polling its status.json.
   Without this script the forms still post and the server answers with a page of results. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("upload-config").textContent);
  var csrfToken = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  var SUPPORTED = /\.(txt|text|md|html?|xhtml|pdf)$/i;
  var INSPECTABLE = /\.(html?|xhtml|pdf)$/i;
  var POLL_MS = 1000;
  var STATUS_TEXT = {
    ready: "ready", uploading: "uploading", queued: "queued", parsing: "parsing",
    uploaded: "uploaded", parsed: "parsed", failed: "failed", refused: "refused", unsupported: "unsupported",
  };

  // ------------------------------------------------------------ tabs

  var tabList = document.querySelector("[data-tabs]");
  var panels = document.querySelectorAll("[data-panel]");
  function showTab(name) {
    tabList.querySelectorAll("[data-tab]").forEach(function (tab) {
      tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
    });
    panels.forEach(function (panel) { panel.hidden = panel.dataset.panel !== name; });
  }
  tabList.hidden = false;
  tabList.addEventListener("click", function (event) {
    var tab = event.target.closest("[data-tab]");
    if (tab) showTab(tab.dataset.tab);
  });
  var selected = tabList.querySelector("[aria-selected=true]");
  showTab(selected ? selected.dataset.tab : "files");

  // ------------------------------------------------------------ one row per upload

  var template = document.getElementById("upload-item-template");

  function formatBytes(n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return (n / 1024).toFixed(0) + " KB";
    return (n / 1024 / 1024).toFixed(1) + " MB";
  }

  function makeRow(queue, name, size, editable) {
    var row = template.content.firstElementChild.cloneNode(true);
    row.querySelector(".upload-item__name").textContent = name;
    row.querySelector(".upload-item__size").textContent = size == null ? "" : formatBytes(size);
    if (!editable) {
      row.querySelector(".upload-item__fields").remove();
      row.querySelector("[data-remove]").remove();
    }
    queue.appendChild(row);
    return row;
  }

  function setStatus(row, status, message) {
    var badge = row.querySelector("[data-badge]");
    badge.textContent = STATUS_TEXT[status] || status;
    badge.className = "status status--" + status;
    row.dataset.status = status;
    if (message !== undefined) setMessage(row, message);
  }

  function setMessage(row, parts) {
    // parts: a string, or a list of strings and {text, href} links; always set as text, never as HTML.
    var box = row.querySelector("[data-message]");
    box.textContent = "";
    (Array.isArray(parts) ? parts : [parts]).forEach(function (part) {
      if (part && typeof part === "object") {
        var link = document.createElement("a");
        link.href = part.href;
        link.textContent = part.text;
        box.appendChild(link);
      } else if (part) {
        box.appendChild(document.createTextNode(part));
      }
    });
  }

  function eventLinks(events) {
    var parts = [events.length === 1 ? "1 event: " : events.length + " events: "];
    events.forEach(function (event, index) {
      if (index) parts.push(", ");
      parts.push({ text: "#" + event.id, href: event.url });
    });
    return parts;
  }

  function follow(row, statusUrl, prefix) {
    function poll() {
      fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          return response.json();
        })
        .then(function (state) {
          if (state.status === "parsed") {
            setStatus(row, "parsed", prefix.concat(state.events.length ? eventLinks(state.events) : ["No event found in the text."]));
          } else if (state.status === "failed") {
            setStatus(row, "failed", prefix.concat([state.error || "Parsing failed."]));
          } else if (state.status === "unsupported") {
            setStatus(row, "unsupported", prefix.concat([state.error || "The parser cannot read this language yet."]));
          } else {
            setStatus(row, state.status, prefix);
            window.setTimeout(poll, POLL_MS);
          }
        })
        .catch(function () { window.setTimeout(poll, POLL_MS * 3); });
    }
    poll();
  }

  function handleResult(row, result) {
    if (!result.ok) {
      setStatus(row, "refused", result.error);
      return;
    }
    row.dataset.articleId = result.article_id;
    var link = { text: result.title, href: result.article_url };
    var prefix = result.duplicate ? ["Already uploaded as ", link, ". "] : [link, ". "];
    setStatus(row, "uploaded", prefix);
    follow(row, result.status_url, prefix);
  }

  function errorText(payload, fallback) {
    if (payload && payload.errors) {
      return Object.keys(payload.errors).map(function (name) { return payload.errors[name].join(" "); }).join(" ");
    }
    return (payload && payload.error) || fallback;
  }

  function send(url, data, row) {
    // XMLHttpRequest rather than fetch: it reports upload progress.
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      var bar = row.querySelector("progress");
      xhr.open("POST", url);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRFToken", csrfToken);
      xhr.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) { bar.hidden = false; bar.value = (event.loaded / event.total) * 100; }
      });
      xhr.addEventListener("load", function () {
        bar.hidden = true;
        var payload = null;
        try { payload = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        if (payload && payload.results) {
          handleResult(row, payload.results[0]);
        } else {
          setStatus(row, "refused", errorText(payload, "The server refused the upload (" + xhr.status + ")."));
        }
        resolve();
      });
      xhr.addEventListener("error", function () {
        bar.hidden = true;
        setStatus(row, "refused", "The upload did not reach the server; check the connection and try again.");
        resolve();
      });
      setStatus(row, "uploading", "");
      xhr.send(data);
    });
  }

  // ------------------------------------------------------------ files: drop, queue, upload

  var filesForm = document.getElementById("files-form");
  var fileInput = filesForm.querySelector("input[type=file]");
  var dropzone = document.getElementById("dropzone");
  var queue = document.getElementById("upload-queue");
  var defaults = {
    publisher: filesForm.querySelector("[name='files-publisher']"),
    published_at: filesForm.querySelector("[name='files-published_at']"),
  };
  var summary = document.getElementById("upload-summary");
  var items = [];

  fileInput.removeAttribute("required");
  dropzone.classList.add("dropzone--enhanced");

  function inspect(item) {
    var data = new FormData();
    data.append("file", item.file);
    fetch(config.inspectUrl, { method: "POST", body: data, headers: { "X-CSRFToken": csrfToken, Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (meta) {
        if (!meta) return;
        ["publisher", "published_at"].forEach(function (name) {
          var input = item.row.querySelector("[data-field=" + name + "]");
          if (meta[name] && !input.dataset.edited) { input.value = meta[name]; input.dataset.fromPage = "1"; }
        });
        if (meta.publisher || meta.published_at) setMessage(item.row, "Publisher and date filled in from the page; check them.");
      })
      .catch(function () { /* pre-filling is a convenience */ });
  }

  function addFiles(fileList) {
    Array.prototype.forEach.call(fileList, function (file) {
      var row = makeRow(queue, file.name, file.size, true);
      var item = { file: file, row: row };
      ["publisher", "published_at"].forEach(function (name) {
        var input = row.querySelector("[data-field=" + name + "]");
        input.value = defaults[name].value;
        input.addEventListener("input", function () { input.dataset.edited = "1"; });
      });
      row.querySelector("[data-remove]").addEventListener("click", function () {
        items.splice(items.indexOf(item), 1);
        row.remove();
        updateSummary();
      });
      if (!SUPPORTED.test(file.name)) {
        setStatus(row, "refused", "Not a supported type; upload .txt, .html or .pdf.");
      } else if (file.size > config.maxBytes) {
        setStatus(row, "refused", "Larger than the limit of " + formatBytes(config.maxBytes) + ".");
      } else {
        setStatus(row, "ready");
        items.push(item);
        if (INSPECTABLE.test(file.name)) inspect(item);
      }
    });
    updateSummary();
  }

  function updateSummary() {
    var ready = items.filter(function (item) { return item.row.dataset.status === "ready"; }).length;
    summary.textContent = ready ? ready + (ready === 1 ? " file ready" : " files ready") : "";
  }

  Object.keys(defaults).forEach(function (name) {
    defaults[name].addEventListener("input", function () {
      items.forEach(function (item) {
        var input = item.row.querySelector("[data-field=" + name + "]");
        if (!input.dataset.edited && !input.dataset.fromPage) input.value = defaults[name].value;
      });
    });
  });

  fileInput.addEventListener("change", function () {
    addFiles(fileInput.files);
    fileInput.value = "";
  });
  ["dragenter", "dragover"].forEach(function (type) {
    dropzone.addEventListener(type, function (event) { event.preventDefault(); dropzone.classList.add("dropzone--over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    dropzone.addEventListener(type, function () { dropzone.classList.remove("dropzone--over"); });
  });
  dropzone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  });

  filesForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var waiting = items.filter(function (item) { return item.row.dataset.status === "ready"; });
    if (!waiting.length) {
      summary.textContent = "Choose or drop files first.";
      return;
    }
    summary.textContent = "";
    // One upload at a time: each file's progress is clear and the server takes them in order.
    var next = 0;
    function worker() {
      if (next >= waiting.length) return Promise.resolve();
      var item = waiting[next++];
      var data = new FormData();
      data.append("source", "files");
      data.append("files-files", item.file);
      data.append("files-publisher", item.row.querySelector("[data-field=publisher]").value);
      data.append("files-published_at", item.row.querySelector("[data-field=published_at]").value);
      item.row.querySelectorAll("[data-field]").forEach(function (input) { input.disabled = true; });
      var remove = item.row.querySelector("[data-remove]");
      if (remove) remove.remove();
      return send(filesForm.action, data, item.row).then(worker);
    }
    worker();
  });

  // ------------------------------------------------------------ pasted text and URLs

  document.querySelectorAll("[data-upload-form=text], [data-upload-form=url]").forEach(function (form) {
    var formQueue = form.parentElement.querySelector("[data-queue]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var source = form.dataset.uploadForm;
      var name = source === "url" ? data.get("url-url") : (data.get("text-title") || "Pasted text");
      var row = makeRow(formQueue, name, null, false);
      send(form.action, data, row).then(function () {
        if (row.dataset.status !== "refused") form.reset();
      });
    });
  });

  var urlForm = document.querySelector("[data-upload-form=url]");
  var lookUp = urlForm.querySelector("[data-inspect]");
  var lookUpStatus = urlForm.querySelector("[data-inspect-status]");
  lookUp.hidden = false;
  lookUp.addEventListener("click", function () {
    var url = urlForm.querySelector("[name='url-url']").value.trim();
    if (!url) { lookUpStatus.textContent = "Type the article's address first."; return; }
    var data = new FormData();
    data.append("url", url);
    lookUpStatus.textContent = "Fetching the page…";
    lookUp.disabled = true;
    fetch(config.inspectUrl, { method: "POST", body: data, headers: { "X-CSRFToken": csrfToken, Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (meta) {
        if (meta.error) { lookUpStatus.textContent = meta.error; return; }
        ["publisher", "published_at", "title"].forEach(function (name) {
          var input = urlForm.querySelector("[name='url-" + name + "']");
          if (meta[name] && !input.value) input.value = meta[name];
        });
        lookUpStatus.textContent = meta.title ? "Found “" + meta.title + "”. Check the publisher and date, then add it." : "Fetched. Check the publisher and date, then add it.";
      })
      .catch(function () { lookUpStatus.textContent = "The page could not be looked up."; })
      .finally(function () { lookUp.disabled = false; });
  });
})();
