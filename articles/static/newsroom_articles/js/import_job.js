// The import job page while the task worker imports: polls the page's JSON status every second,
// moves the bar and the counts, and reloads the page once the job is over to show each file's outcome.
(function () {
  const page = document.querySelector("[data-newsroom-import-job][data-status-url]");
  if (!page) {
    return;
  }
  const show = (selector, text) => {
    page.querySelector(selector).textContent = text;
  };

  async function poll() {
    try {
      const response = await fetch(page.dataset.statusUrl, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (response.ok) {
        const status = await response.json();
        if (status.is_over) {
          window.location.reload();
          return;
        }
        const bar = page.querySelector("[data-job-progress]");
        bar.max = status.total;
        bar.value = status.done;
        bar.textContent = `${status.percent} %`;
        show("[data-job-percent]", `${status.percent} %`);
        show("[data-job-label]", status.label);
        show("[data-job-counts]", status.counts_text);
        show("[data-job-notice]", status.notice);
      }
    } catch (error) {
      // The network or the server hiccuped: the next poll tries again.
    }
    window.setTimeout(poll, 1000);
  }

  window.setTimeout(poll, 1000);
})();
