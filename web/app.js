// Starts the chat widget and adds what the page needs around it:
// safety messages marked so they stand out, the emergency numbers' locale,
// and the "delete my conversation" control.
(function () {
  "use strict";

  var STORAGE_KEY = "chat_session"; // where rasa-webchat keeps the conversation
  var LOCALES = ["intl", "uk", "us", "eu"];

  // Emergency numbers follow ?locale=uk|us|eu; otherwise the server's setting
  // (all three numbers by default). The browser language is not used: an
  // en-US browser in the UK must not be shown 911 alone.
  var requested = new URLSearchParams(window.location.search).get("locale");
  var customData = {};
  if (requested && LOCALES.indexOf(requested.toLowerCase()) >= 0) {
    customData.locale = requested.toLowerCase();
  }

  // Safety messages start with these signs (domain/red_flags.yml); they are
  // shown at once and marked with a class so they look different.
  var MARKS = [
    { sign: "\uD83D\uDEA8", className: "sc-emergency" }, // 🚨 emergency
    { sign: "\u26A0\uFE0F", className: "sc-urgent" }, // ⚠️ see a doctor today
  ];

  function markOf(text) {
    var trimmed = (text || "").trim();
    for (var i = 0; i < MARKS.length; i += 1) {
      if (trimmed.indexOf(MARKS[i].sign) === 0) return MARKS[i].className;
    }
    return null;
  }

  function markSafetyMessages(root) {
    var messages = root.querySelectorAll(".rw-response");
    for (var i = 0; i < messages.length; i += 1) {
      var message = messages[i];
      var mark = markOf(message.textContent);
      if (mark && !message.classList.contains(mark)) {
        message.classList.add(mark);
        message.setAttribute("role", "alert");
        var holder = message.closest(".rw-message");
        if (holder) holder.classList.add(mark + "-message");
      }
    }
  }

  function watch(root) {
    markSafetyMessages(root);
    new MutationObserver(function () {
      markSafetyMessages(root);
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }

  var chat = document.getElementById("chat");
  window.WebChat.default(
    {
      selector: "#chat",
      initPayload: "/greet",
      socketUrl: window.location.origin,
      socketPath: "/socket.io/",
      customData: customData,
      title: "Sciatica self-care",
      subtitle: "Not a diagnosis. Emergency: 999 / 911 / 112",
      inputTextFieldHint: "Type your message…",
      embedded: true,
      withRules: false,
      hideWhenNotConnected: false,
      showFullScreenButton: false,
      params: { storage: "local" },
      customMessageDelay: function (message) {
        if (markOf(message)) return 300; // safety first, no theatre
        return Math.min(500 + (message || "").length * 4, 1500);
      },
    },
    chat
  );
  watch(chat);

  function sessionId() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      return stored && stored.session_id;
    } catch (error) {
      return null;
    }
  }

  var status = document.getElementById("privacy-status");
  document.getElementById("delete-conversation").addEventListener("click", function () {
    if (!window.confirm("Delete this conversation from this device and from our server?")) {
      return;
    }
    var id = sessionId();
    function forget() {
      window.localStorage.removeItem(STORAGE_KEY);
      status.textContent = "Your conversation was deleted.";
      window.setTimeout(function () {
        window.location.reload();
      }, 800);
    }
    if (!id) {
      forget();
      return;
    }
    status.textContent = "Deleting…";
    fetch("conversation/delete", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session_id: id }),
    })
      .then(function (reply) {
        if (!reply.ok) throw new Error("status " + reply.status);
        forget();
      })
      .catch(function () {
        status.textContent =
          "Sorry, the conversation could not be deleted from the server. Please try again.";
      });
  });
})();
