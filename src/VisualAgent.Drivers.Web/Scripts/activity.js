// Counts DOM mutations of each document from its first moment (an init script): step checks compare the count
// before and after an action to tell "the page reacted" from "nothing happened", and retries use it to prove that a
// first attempt had no effect. Page scripts can read it but nothing in it is trusted for more than that.
(() => {
  if (window.__visualAgentActivity) return;
  const a = { mutations: 0 };
  Object.defineProperty(window, '__visualAgentActivity', { value: a, enumerable: false });
  new MutationObserver(list => { a.mutations += list.length; })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
