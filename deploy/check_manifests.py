"""Cross-resource checks of deploy/kubernetes that a schema cannot make.

Run by scripts/validate-k8s.sh (in .venv-k8s, which has PyYAML) after the
schema validation: ``python deploy/check_manifests.py deploy/kubernetes``.
Prints each problem and exits 1 if there is any. Checks:

* every file parses, every document has apiVersion, kind and metadata.name,
  and no two objects share a kind and name;
* no namespace anywhere (the manifests are applied into any namespace);
* no Secret objects (secrets are created by hand, never committed);
* kustomization.yaml lists exactly the manifest files in the folder;
* workload selectors match their own pod labels; Services, PodDisruptionBudgets
  and NetworkPolicies select some workload's pods; a Service's named target
  port is a port of those pods; an Ingress backend is a Service here with that
  port; a referenced ConfigMap exists here and has the key; the Secrets
  referenced are the documented ones (docs/kubernetes.md);
* every container runs as non-root with a read-only root file system, no
  privilege escalation and all capabilities dropped, and has resource requests
  and limits; every long-running container has readiness and liveness probes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import yaml

# The Secrets the manifests may refer to: created outside the repository.
EXTERNAL_SECRETS = {"sciatica-secrets", "sciatica-tls"}
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"}


def pod_spec(obj: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """The pod template's labels and spec of a workload."""
    spec = obj.get("spec") or {}
    if obj["kind"] == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    template = spec.get("template") or {}
    labels = (template.get("metadata") or {}).get("labels") or {}
    return labels, template.get("spec") or {}


def matches(selector: Dict[str, str], labels: Dict[str, str]) -> bool:
    """Whether a matchLabels selector selects these labels."""
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def env_refs(container: Dict[str, Any]) -> Iterator[Tuple[str, str, str | None]]:
    """(kind, name, key) of every ConfigMap and Secret the container reads."""
    for source in container.get("envFrom") or []:
        for kind, field in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            if field in source:
                yield kind, source[field]["name"], None
    for var in container.get("env") or []:
        ref = var.get("valueFrom") or {}
        for kind, field in (
            ("ConfigMap", "configMapKeyRef"),
            ("Secret", "secretKeyRef"),
        ):
            if field in ref:
                yield kind, ref[field]["name"], ref[field]["key"]


def check(folder: Path) -> Tuple[List[str], Dict[str, set]]:
    """The problems found, and the Secret keys the manifests use."""
    problems: List[str] = []
    objects: List[Tuple[str, Dict[str, Any]]] = []
    files = sorted(p for p in folder.glob("*.y*ml") if p.name != "kustomization.yaml")
    for path in files:
        try:
            docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        except yaml.YAMLError as error:
            problems.append(f"{path.name}: not YAML: {error}")
            continue
        if not docs:
            problems.append(f"{path.name}: no objects")
        for doc in docs:
            meta = doc.get("metadata") or {} if isinstance(doc, dict) else {}
            if not isinstance(doc, dict) or not doc.get("kind") or not meta.get("name"):
                problems.append(f"{path.name}: an object without kind or metadata.name")
                continue
            objects.append((path.name, doc))

    where = {}
    for name, obj in objects:
        ident = f"{obj['kind']}/{obj['metadata']['name']}"
        if ident in where:
            problems.append(f"{name}: {ident} is also in {where[ident]}")
        where[ident] = name
        if "namespace" in obj["metadata"]:
            problems.append(f"{name}: {ident} sets a namespace")
        if obj["kind"] == "Secret":
            problems.append(f"{name}: {ident}: Secrets are never committed")

    kustomization = folder / "kustomization.yaml"
    if kustomization.exists():
        listed = set(
            (yaml.safe_load(kustomization.read_text()) or {}).get("resources") or []
        )
        present = {p.name for p in files}
        for missing in sorted(present - listed):
            problems.append(f"kustomization.yaml does not list {missing}")
        for extra in sorted(listed - present):
            problems.append(f"kustomization.yaml lists {extra}, which is not here")

    by_kind: Dict[str, Dict[str, Dict[str, Any]]] = {}
    for _, obj in objects:
        by_kind.setdefault(obj["kind"], {})[obj["metadata"]["name"]] = obj
    pods = []  # (ident, labels, spec) of every workload's pod template
    for _, obj in objects:
        if obj["kind"] in WORKLOADS:
            labels, spec = pod_spec(obj)
            pods.append((f"{obj['kind']}/{obj['metadata']['name']}", labels, spec))
            if obj["kind"] in ("Deployment", "StatefulSet", "DaemonSet"):
                selector = obj["spec"]["selector"].get("matchLabels") or {}
                if not matches(selector, labels):
                    problems.append(
                        f"{obj['kind']}/{obj['metadata']['name']}: "
                        "selector does not match its pod labels"
                    )

    secret_keys: Dict[str, set] = {}
    config_maps = by_kind.get("ConfigMap", {})
    for ident, _labels, spec in pods:
        if spec.get("securityContext", {}).get("runAsNonRoot") is not True:
            problems.append(f"{ident}: pod securityContext.runAsNonRoot is not true")
        if spec.get("automountServiceAccountToken") is not False:
            problems.append(f"{ident}: automountServiceAccountToken is not false")
        long_running = not ident.startswith(("CronJob/", "Job/"))
        for container in spec.get("containers") or []:
            where_c = f"{ident} container {container.get('name')}"
            sc = container.get("securityContext") or {}
            if sc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where_c}: allowPrivilegeEscalation is not false")
            if sc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{where_c}: readOnlyRootFilesystem is not true")
            if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
                problems.append(f"{where_c}: capabilities are not all dropped")
            resources = container.get("resources") or {}
            for part in ("requests", "limits"):
                if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                    problems.append(f"{where_c}: no cpu and memory {part}")
            if long_running:
                for probe in ("readinessProbe", "livenessProbe"):
                    if probe not in container:
                        problems.append(f"{where_c}: no {probe}")
            for kind, name, key in env_refs(container):
                if kind == "Secret":
                    if name not in EXTERNAL_SECRETS:
                        problems.append(f"{where_c}: unknown Secret {name}")
                    secret_keys.setdefault(name, set()).add(key or "(all keys)")
                elif name not in config_maps:
                    problems.append(f"{where_c}: ConfigMap {name} is not defined here")
                elif key is not None and key not in (
                    config_maps[name].get("data") or {}
                ):
                    problems.append(f"{where_c}: ConfigMap {name} has no key {key}")
        for volume in spec.get("volumes") or []:
            if "configMap" in volume and volume["configMap"]["name"] not in config_maps:
                problems.append(
                    f"{ident}: volume ConfigMap {volume['configMap']['name']} "
                    "is not defined here"
                )

    def selected(selector: Dict[str, str]) -> List[Tuple[str, Dict, Dict]]:
        return [p for p in pods if matches(selector, p[1])]

    services = by_kind.get("Service", {})
    for name, svc in services.items():
        chosen = selected(svc["spec"].get("selector") or {})
        if not chosen:
            problems.append(f"Service/{name}: selects no workload's pods")
        for port in svc["spec"].get("ports") or []:
            target = port.get("targetPort", port.get("port"))
            for ident, _, spec in chosen:
                names = {
                    p.get("name")
                    for c in spec.get("containers", [])
                    for p in c.get("ports") or []
                }
                numbers = {
                    p.get("containerPort")
                    for c in spec.get("containers", [])
                    for p in c.get("ports") or []
                }
                if target not in names | numbers:
                    problems.append(
                        f"Service/{name}: target port {target} is not a port of {ident}"
                    )
    for kind in ("PodDisruptionBudget", "NetworkPolicy"):
        for name, obj in by_kind.get(kind, {}).items():
            spec = obj["spec"]
            selector = spec.get("selector") or spec.get("podSelector") or {}
            if not selected(selector.get("matchLabels") or {}):
                problems.append(f"{kind}/{name}: selects no workload's pods")
            for rule in spec.get("ingress") or []:
                for peer in rule.get("from") or []:
                    peer_labels = (peer.get("podSelector") or {}).get("matchLabels")
                    if peer_labels and not selected(peer_labels):
                        problems.append(f"{kind}/{name}: a peer selects no pods")

    for name, ingress in by_kind.get("Ingress", {}).items():
        for tls in ingress["spec"].get("tls") or []:
            secret_keys.setdefault(tls.get("secretName"), set()).add("(TLS)")
        for rule in ingress["spec"].get("rules") or []:
            for path in (rule.get("http") or {}).get("paths") or []:
                backend = path["backend"]["service"]
                svc = services.get(backend["name"])
                if svc is None:
                    problems.append(f"Ingress/{name}: no Service {backend['name']}")
                    continue
                port = backend["port"]
                names = {p.get("name") for p in svc["spec"]["ports"]}
                numbers = {p.get("port") for p in svc["spec"]["ports"]}
                if port.get("name", port.get("number")) not in names | numbers:
                    problems.append(
                        f"Ingress/{name}: Service {backend['name']} has no port {port}"
                    )
    return problems, secret_keys


def main(argv: List[str]) -> int:
    """Checks the folder given (default deploy/kubernetes)."""
    folder = Path(argv[1] if len(argv) > 1 else "deploy/kubernetes")
    problems, secret_keys = check(folder)
    for problem in problems:
        print(f"ERROR {problem}")
    for name, keys in sorted(secret_keys.items()):
        print(f"Secret {name}: {', '.join(sorted(keys))}")
    print(f"cross-resource checks: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
