#!/usr/bin/env python3
"""Replays the CI recipes of examples/ci on podman, as their runners would, for scripts/verify-containers.sh.

Usage: replay-ci-recipes.py IMAGE PORT. IMAGE is the image built from this checkout; every image a recipe
pulls under the emulator's name is that one (tagged so by the caller). Each job's services run as podman
containers on a network of the job's own, reachable by their service names (GitHub) or aliases (GitLab),
with their environment, options and mapped ports (host port 8080 becomes PORT, on loopback). Then the job's
steps run in order in a work folder holding the consumer's src/test/resources/workspace-fixture.json (the
sample of examples/ci): GitHub's `run:` steps on this machine, GitLab's script in a container on the job's
network. Steps that are actions (`uses:`) are named and skipped; the consumer's own test command (`mvn ...`)
is replaced by a query of the loaded fixture that must answer its two desktops. GitHub's with-jar job is
not replayed: it checks out a published release tag and maps PostgreSQL on the host's 5432.
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

IMAGE, PORT = sys.argv[1], sys.argv[2]
FIXTURE_QUERY = ("/v2/ci-project/statistics/metrics/desktops?start_time=2026-05-16T00:00:00Z"
                 "&end_time=2026-06-15T00:00:00Z&sort_field=desktop_usage")


def log(message):
    print(f"[verify]   {message}", flush=True)


def podman(*args, check=True):
    return subprocess.run(["podman", *args], check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def check_command(base):
    # the consumer's tests, replaced: the fixture the job loaded answers its two desktops
    return (f"curl -fsS -H 'X-Auth-Token: any' '{base}{FIXTURE_QUERY}' | tee /dev/stderr "
            f"| grep -q '\"count\":2,\"items\":\\[{{\"resource_id\":\"ci-desktop-1\",\"resource_name\":\"build-01\"'")


def work_folder():
    work = tempfile.mkdtemp(prefix="wksemu-recipe-")
    os.makedirs(f"{work}/src/test/resources")
    shutil.copy("examples/ci/workspace-fixture.json", f"{work}/src/test/resources/workspace-fixture.json")
    subprocess.run(["chmod", "-R", "a+rX", work], check=True)
    return work


def start_service(net, name, alias, image, env, ports=(), options=""):
    args = ["run", "-d", "--name", f"{net}-{name}", "--network", net, "--network-alias", alias]
    for key, value in env.items():
        args += ["-e", f"{key}={value}"]
    for mapping in ports:
        host, container = str(mapping).split(":")
        args += ["-p", f"127.0.0.1:{PORT if container == '8080' else host}:{container}"]
    args += shlex.split(options or "")
    podman(*args, image)
    log(f"service {name} ({image}) on network {net} as {alias}" + (f", ports {list(ports)}" if ports else ""))


def failed(net, services, what, output):
    for service in services:
        print(podman("logs", "--tail", "30", f"{net}-{service}", check=False).stdout)
    raise SystemExit(f"{what} failed:\n{output}")


def cleanup(net, names):
    for name in names:
        podman("rm", "-f", "-t", "0", f"{net}-{name}", check=False)
    podman("network", "rm", "-f", net, check=False)


def github(name, job):
    net = f"wksemu-gh-{name}"
    services = job.get("services", {})
    cleanup(net, services)
    podman("network", "create", net)
    work = work_folder()
    try:
        for service, spec in services.items():
            start_service(net, service, service, spec["image"], spec.get("env", {}), spec.get("ports", []),
                          spec.get("options", ""))
        for step in job["steps"]:
            title = step.get("name") or step.get("uses")
            if "uses" in step:
                log(f"step '{title}': an action, skipped")
                continue
            script = step["run"].replace("localhost:8080", f"localhost:{PORT}")
            if script.strip().startswith("mvn "):
                script = check_command(f"http://localhost:{PORT}")
                title += " (the consumer's tests: replaced by a query of the loaded fixture)"
            env = dict(os.environ, **{k: str(v) for k, v in step.get("env", {}).items()})
            result = subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            if result.returncode != 0:
                failed(net, services, f"github {name}: step '{title}'", result.stdout)
            log(f"step '{title}': ok")
    finally:
        cleanup(net, services)
        shutil.rmtree(work, ignore_errors=True)


def gitlab(name, job):
    net = f"wksemu-gl-{name}"
    services = job.get("services", [])
    aliases = [s["alias"] for s in services]
    cleanup(net, aliases + ["job"])
    podman("network", "create", net)
    work = work_folder()
    variables = {k: str(v) for k, v in job.get("variables", {}).items()}
    try:
        for service in services:
            # GitLab gives the job's variables to every service
            start_service(net, service["alias"], service["alias"], service["name"], variables)
        lines = []
        for line in job["script"]:
            if line.strip().startswith("mvn "):
                lines.append(check_command("http://wksemu:8080"))
                log("script: the consumer's tests replaced by a query of the loaded fixture")
            else:
                lines.append(line)
        log(f"job image {job['image']}: the emulator's image stands in (it has sh, curl and timeout)")
        args = ["run", "--rm", "--name", f"{net}-job", "--network", net, "-v", f"{work}:/builds:ro", "-w", "/builds",
                "--entrypoint", "sh"]
        for key, value in variables.items():
            args += ["-e", f"{key}={value}"]
        result = podman(*args, IMAGE, "-e", "-c", "\n".join(lines), check=False)
        if result.returncode != 0:
            failed(net, aliases, f"gitlab {name}: the script", result.stdout)
        log(f"script of {len(job['script'])} lines: ok")
    finally:
        cleanup(net, aliases + ["job"])
        shutil.rmtree(work, ignore_errors=True)


with open("examples/ci/github-actions.yml") as f:
    workflow = yaml.safe_load(f)
for job_name, job_spec in workflow["jobs"].items():
    if job_name == "with-jar":
        log("github with-jar: not replayed (it checks out a published release tag and maps PostgreSQL on 5432)")
        continue
    log(f"github {job_name}:")
    github(job_name, job_spec)
with open("examples/ci/gitlab-ci.yml") as f:
    pipeline = yaml.safe_load(f)
for job_name, job_spec in pipeline.items():
    if isinstance(job_spec, dict) and "script" in job_spec:
        log(f"gitlab {job_name}:")
        gitlab(job_name, job_spec)
