"""Production mode under faults, load and hostile input (PostgreSQL, Redis,
nginx, two Rasa instances, two action servers). The tests share one stack and
run in file order; each leaves it whole for the next."""

from __future__ import annotations

import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import requests
import socketio

from sciatica_rasa.safety_net import ACTIONS_CHECK_TTL
from tests.prod.stack import CLINIC, Stack, pg_cluster

# A whole screening with no flag, then a question and an answer about sleep.
SCRIPT = [
    "hello",
    "yes",
    "no",
    "nope",
    "/deny",
    "not at all",
    "no",
    "no",
    "never",
    "no",
    "no",
    "how should I sleep at night?",
]
GREETING = "self-care assistant for sciatica"
# Kept out of every log at INFO and above (checked at the end).
SECRET_WORDS = "zebra-marmalade-quartz"


def new_user(tag: str) -> str:
    return f"{tag}-{uuid.uuid4().hex[:10]}"


def texts(replies: List[Dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def user_texts(stack: Stack, sender: str) -> List[str]:
    return [json.loads(d)["text"] for t, _, d in stack.rows(sender) if t == "user"]


def bot_texts(stack: Stack, sender: str) -> List[str]:
    return [json.loads(d).get("text") for t, _, d in stack.rows(sender) if t == "bot"]


def paragraphs(items: List[str | None]) -> List[str]:
    return [p.strip() for text in items if text for p in text.strip().split("\n\n")]


def assert_screened(stack: Stack, sender: str) -> None:
    slots = stack.tracker(sender)["slots"]
    assert slots["red_flag"] == "none"
    assert slots["screen_trauma"] == "no"


def assert_stored_once(stack: Stack, sender: str, sent: List[str]) -> None:
    rows = stack.rows(sender)
    data = [d for _, _, d in rows]
    assert len(data) == len(set(data)), "an event is stored twice"
    assert user_texts(stack, sender) == sent


# -- several instances share the conversation ----------------------------------


def test_turns_alternating_between_instances_keep_the_whole_state(stack):
    user = new_user("alt")
    for turn, text in enumerate(SCRIPT):
        replies = stack.say(user, text, base=stack.instance(turn % 2))
        assert replies, text
        if turn:
            assert GREETING not in texts(replies), "treated as a new person"
    assert_screened(stack, user)
    # Both instances see the same conversation, stored once.
    first, second = (stack.tracker(user, stack.instance(i)) for i in (0, 1))
    assert first["events"] == second["events"]
    assert_stored_once(stack, user, SCRIPT)


# -- security ------------------------------------------------------------------


def test_the_http_api_and_rest_need_their_tokens(stack):
    tracker = f"{stack.front}/conversations/someone/tracker"
    assert requests.get(tracker, timeout=10).status_code == 401
    assert (
        requests.get(tracker, params={"token": "wrong"}, timeout=10).status_code == 401
    )
    rest = f"{stack.front}/webhooks/rest/webhook"
    body = {"sender": "someone", "message": "hi"}
    assert requests.post(rest, json=body, timeout=10).status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert requests.post(rest, json=body, headers=wrong, timeout=10).status_code == 401
    privacy = f"{stack.front}/webhooks/privacy/conversations/someone"
    assert requests.delete(privacy, timeout=10).status_code == 401


def test_cors_allows_only_the_configured_origin(stack):
    status = f"{stack.front}/version"
    allowed = requests.get(status, headers={"Origin": CLINIC}, timeout=10)
    assert allowed.headers.get("Access-Control-Allow-Origin") == CLINIC
    other = requests.get(status, headers={"Origin": "https://evil.example"}, timeout=10)
    assert "Access-Control-Allow-Origin" not in other.headers
    handshake = f"{stack.front}/socket.io/?EIO=4&transport=polling"
    evil = requests.get(
        handshake, headers={"Origin": "https://evil.example"}, timeout=10
    )
    assert evil.status_code == 400
    assert requests.get(handshake, headers={"Origin": CLINIC}, timeout=10).ok
    own = f"http://127.0.0.1:{stack.http_port}"
    assert requests.get(handshake, headers={"Origin": own}, timeout=10).ok


# -- bad input never breaks anything -------------------------------------------


REST_BAD = [
    ("empty", {"message": ""}),
    ("spaces", {"message": "   \n\t "}),
    ("huge", {"message": "a" * 100_000}),
    ("control", {"message": f"my {SECRET_WORDS}\x00\x07 leg"}),
    ("surrogate", {"message": "pain \ud800 here"}),
    ("emoji", {"message": "😭😭 my leg 🦵"}),
    ("german", {"message": "Ich habe Rückenschmerzen"}),
    ("html", {"message": "<script>alert(1)</script><b>bold</b>"}),
    ("unknown-fields", {"message": "hello", "colour": "blue", "input_channel": "x"}),
    ("number", {"message": 42}),
    ("null", {"message": None}),
    ("list", {"message": ["hi"]}),
    ("metadata-string", {"message": "hi", "metadata": "x"}),
]


def test_bad_rest_input_gets_a_4xx_or_a_polite_reply_never_a_500(stack):
    headers = {"Authorization": f"Bearer {stack.env['SCIATICA_REST_TOKEN']}"}
    url = f"{stack.front}/webhooks/rest/webhook"
    user = new_user("bad")
    for name, fields in REST_BAD:
        body = json.dumps({"sender": user, **fields}).encode()
        response = requests.post(url, data=body, headers=headers, timeout=60)
        assert response.status_code < 500, name
        if response.status_code == 200:
            assert response.json(), f"{name}: silence"
        else:
            assert 400 <= response.status_code < 500, name
            assert "error" in response.json(), name
    for raw in (b"{not json", b"\xff\xfe\x00", b"[]", b'{"sender": 5, "message": "x"}'):
        response = requests.post(url, data=raw, headers=headers, timeout=30)
        assert 400 <= response.status_code < 500, raw
    # The same person, and everyone else, still get ordinary answers.
    assert GREETING in texts(stack.say(user, "hello")) or stack.say(user, "hi")
    assert GREETING in texts(stack.say(new_user("after-bad"), "hello"))


def test_bad_socket_input_gets_a_polite_reply_or_is_ignored(stack):
    client = socketio.Client(reconnection=False)
    received: List[Dict] = []
    confirmed = threading.Event()
    client.on("bot_uttered", received.append)
    client.on("session_confirm", lambda _sid: confirmed.set())
    client.connect(stack.front, transports=["polling"], wait_timeout=10)
    try:
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})
        assert confirmed.wait(10)

        def reply_to(payload: object, expect: bool = True) -> List[Dict]:
            received.clear()
            client.emit("user_uttered", payload)
            deadline = time.monotonic() + (30 if expect else 2)
            while time.monotonic() < deadline and not received:
                time.sleep(0.1)
            return list(received)

        # Ignored (nothing to answer to), and nothing breaks.
        for payload in (
            "just a string",
            42,
            [1, 2],
            {"message": "no session"},
            {"session_id": "../../etc", "message": "hi"},
        ):
            assert reply_to(payload, expect=False) == []
        # A polite reply.
        for message in ("", "   ", 42, None, "a" * 100_000):
            replies = reply_to({"session_id": session, "message": message})
            assert replies and replies[0]["text"], repr(message)[:20]
        replies = reply_to(
            {
                "session_id": session,
                "message": "<script>x</script>",
                "customData": "{not json",
            }
        )
        assert replies
        # And ordinary service goes on.
        assert reply_to({"session_id": session, "message": "hello"})
    finally:
        client.disconnect()


# -- the action server down ----------------------------------------------------


def test_with_the_action_servers_down_the_person_gets_the_emergency_numbers(stack):
    user = new_user("noactions")
    ports = list(stack.actions)
    for port in ports:
        stack.stop_actions(port)
    # A passed health check is trusted for ACTIONS_CHECK_TTL: wait it out, so
    # this message meets the check and not the earlier tests' cached answer.
    time.sleep(ACTIONS_CHECK_TTL + 0.5)
    try:
        response = stack.post(user, f"I can't control my bladder {SECRET_WORDS}")
        # Not processed (nothing half-done is stored): an error and the apology.
        assert response.status_code == 503
        reply = texts(response.json())
        assert "Sorry" in reply
        for number in ("999", "911", "112"):
            assert number in reply
        assert stack.rows(user) == []
    finally:
        for port in ports:
            stack.start_actions(port)
        time.sleep(6)  # nginx retries servers it marked down after 5 s
    # Back to normal: the emergency is caught now.
    reply = texts(stack.say(user, "I can't control my bladder"))
    assert "EMERGENCY" in reply


# -- load ----------------------------------------------------------------------


def converse(stack: Stack, user: str) -> List[List[Dict]]:
    return [stack.say(user, text) for text in SCRIPT]


def test_fifty_people_at_once_every_event_stored_exactly_once(stack):
    users = [new_user("load") for _ in range(50)]
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=50) as pool:
        conversations = list(pool.map(lambda u: converse(stack, u), users))
    elapsed = time.monotonic() - started
    assert elapsed < 600, f"50 conversations took {elapsed:.0f}s"
    upstreams = stack.workdir.joinpath("nginx-access.log").read_text()
    for port in stack.rasa_ports:
        assert f"127.0.0.1:{port}" in upstreams, "both instances served"
    for user, replies in zip(users, conversations, strict=True):
        assert_stored_once(stack, user, SCRIPT)
        sent_back = [r.get("text") for turn in replies for r in turn]
        # REST splits some messages into paragraphs; the store keeps them whole.
        assert paragraphs(bot_texts(stack, user)) == paragraphs(sent_back)
        assert_screened(stack, user)


def test_two_messages_from_one_person_at_once_are_handled_in_order(stack):
    user = new_user("pair")
    stack.say(user, "hello")
    results: Dict[str, int] = {}

    def send(text: str, index: int) -> None:
        results[text] = stack.post(user, text, base=stack.instance(index)).status_code

    first = threading.Thread(target=send, args=("yes", 0))
    second = threading.Thread(target=send, args=("no", 1))
    first.start()
    time.sleep(0.05)
    second.start()
    first.join(60)
    second.join(60)
    assert results == {"yes": 200, "no": 200}
    rows = stack.rows(user)
    assert user_texts(stack, user) == ["hello", "yes", "no"]
    # The second message was read only after the first was fully answered.
    kinds = [(t, name) for t, name, _ in rows]
    second_at = [i for i, (t, _) in enumerate(kinds) if t == "user"][2]
    assert kinds[second_at - 1] == ("action", "action_listen")


# -- PostgreSQL restarted under load -------------------------------------------


def test_postgres_restart_mid_load_gives_errors_or_delays_never_wrong_answers(stack):
    # Each of 10 people plays whole screenings, one after another (a new
    # conversation each time), until PostgreSQL is back: the traffic has to
    # span the outage however fast the assistant answers.
    senders: List[str] = []
    statuses: List[int] = []
    waits: List[float] = []
    lock = threading.Lock()
    restarted = threading.Event()

    def persistent(user: str) -> None:
        for text in SCRIPT:
            for _attempt in range(60):
                response = stack.post(user, text)
                with lock:
                    statuses.append(response.status_code)
                    waits.append(response.elapsed.total_seconds())
                if response.status_code == 200:
                    replies = response.json()
                    assert replies, "silence"
                    if text != "hello":
                        assert GREETING not in texts(replies), "treated as new"
                    break
                assert response.status_code in (502, 503), response.status_code
                if response.status_code == 503:
                    assert "999" in texts(response.json())
                time.sleep(0.5)
            else:
                raise AssertionError("never recovered")

    def person() -> None:
        while True:
            user = new_user("pg")
            with lock:
                senders.append(user)
            persistent(user)
            if restarted.is_set():
                return

    with ThreadPoolExecutor(max_workers=10) as pool:
        futures = [pool.submit(person) for _ in range(10)]
        time.sleep(2)
        stack.restart_postgres(down_seconds=3)
        restarted.set()
        for future in futures:
            future.result(timeout=600)
    # The outage shows as errors, or as answers held until the database is
    # back (the connection attempts can wait out a short restart).
    assert any(s != 200 for s in statuses) or max(waits) >= 3.0, (
        "the outage was not noticed"
    )
    for user in senders:
        assert_stored_once(stack, user, SCRIPT)
        assert_screened(stack, user)


# -- an instance dies mid-conversation -----------------------------------------


def test_an_instance_killed_mid_conversation_loses_nothing(stack):
    user = new_user("kill")
    half = len(SCRIPT) // 2
    for text in SCRIPT[:half]:
        stack.say(user, text)
    port = stack.rasa_ports[0]
    stack.kill_rasa(port)
    try:
        for text in SCRIPT[half:]:
            replies = stack.say(user, text)
            assert replies and GREETING not in texts(replies)
        assert_screened(stack, user)
        assert_stored_once(stack, user, SCRIPT)
    finally:
        stack.start_rasa(port)


# -- deleting on request -------------------------------------------------------


def test_delete_my_data_removes_the_conversation_from_postgres(stack):
    user, other = new_user("forget"), new_user("keep")
    for who in (user, other):
        stack.say(who, "hello")
        stack.say(who, "yes")
    assert stack.rows(user) and stack.rows(other)
    assert "can't be undone" in texts(stack.say(user, "please delete my data"))
    stack.say(user, "yes")
    assert stack.rows(user) == []
    assert stack.rows(other), "only that person's conversation"
    # Through the operators' API too.
    response = requests.delete(
        f"{stack.front}/webhooks/privacy/conversations/{other}",
        headers={"Authorization": f"Bearer {stack.env['RASA_AUTH_TOKEN']}"},
        timeout=30,
    )
    assert response.status_code == 200 and response.json()["deleted"] > 0
    assert stack.rows(other) == []


# -- health data stays out of the logs -----------------------------------------


def test_no_message_text_in_any_log(stack):
    logs = stack.logs()
    assert "Rasa server is up and running" in logs or "Starting Rasa server" in logs
    assert SECRET_WORDS not in logs
    for text in (
        "I can't control my bladder",
        "Ich habe Rückenschmerzen",
        "how should I sleep at night",
    ):
        assert text not in logs, text
    postgres_log = "/var/log/postgresql/postgresql-{}-{}.log".format(
        *pg_cluster(stack.pg_port)
    )
    try:
        with open(postgres_log, encoding="utf-8", errors="replace") as file:
            assert SECRET_WORDS not in file.read()
    except FileNotFoundError:
        pass
