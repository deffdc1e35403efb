// A background job's progress page: asks the status endpoint every 1.5 s and shows rows done;
// at the end shows the message and the download, or reloads to follow a finished import.
// Loaded with ``defer``: the admin puts its scripts before the page's content.
(() => {
  const root = document.querySelector("[data-job-progress]");
  if (!root) return;
  const countText = root.dataset.countText;
  const find = (name) => root.querySelector(`[data-job-${name}]`);
  const show = (state) => {
    find("bar").value = state.percent;
    find("bar").textContent = `${state.percent} %`;
    find("percent").textContent = `${state.percent} %`;
    find("label").textContent = state.label;
    find("count").textContent = countText
      .replace("%(done)s", state.done)
      .replace("%(total)s", state.total);
    find("message").textContent = state.message;
    find("message").hidden = !state.message;
    if (state.download_url) find("download-link").href = state.download_url;
    find("download").hidden = !state.download_url;
    const leave = find("leave"); // "you may leave this page" holds only while it runs
    if (leave && state.finished) leave.hidden = true;
  };
  const poll = async () => {
    let state;
    try {
      const response = await fetch(root.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(response.statusText);
      state = await response.json();
    } catch {
      window.setTimeout(poll, 3000);
      return;
    }
    show(state);
    if (state.reload) window.location.reload();
    else if (!state.finished) window.setTimeout(poll, 1500);
  };
  window.setTimeout(poll, 1500);
})();
