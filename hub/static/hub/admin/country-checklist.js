// Narrows a long checkbox list to the options whose label contains what is typed; ticked
// boxes always stay visible. Without this script the filter field stays hidden.
document.addEventListener("DOMContentLoaded", () => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  document.querySelectorAll("[data-hub-checklist]").forEach((list) => {
    const filter = list.querySelector("[data-hub-checklist-filter]");
    const options = [...list.querySelectorAll("[data-hub-checklist-option]")];
    filter.hidden = false;
    filter.addEventListener("input", () => {
      const wanted = fold(filter.value.trim());
      options.forEach((option) => {
        const ticked = option.querySelector("input").checked;
        option.hidden = wanted !== "" && !ticked && !fold(option.textContent).includes(wanted);
      });
    });
  });
});
