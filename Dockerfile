####
# Container image of the emulator, built from source: `docker build .` needs nothing but a container engine.
#
#   docker build -t ghcr.io/wksemu/wksemu:0.1.0-SNAPSHOT .
#   docker run --rm -p 8080:8080 ghcr.io/wksemu/wksemu:0.1.0-SNAPSHOT   # with its embedded PostgreSQL
#
# The first stage compiles and packages the application with Maven and JDK 25, for Java 17 (the tests are
# neither compiled nor run here: they need PostgreSQL; scripts/test.sh runs them). The second stage is the runtime image of
# src/main/docker/Dockerfile.jvm, which packages an application already built on the host instead.
####
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
COPY pom.xml ./
COPY src/ src/
# The cache mount keeps the downloaded dependencies between builds (BuildKit and Buildah both support it).
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -Dmaven.test.skip=true package

FROM eclipse-temurin:25-jre

ENV LANGUAGE='en_US:en' LANG='en_US.UTF-8'

# The embedded database: the distribution's PostgreSQL server (15 on Debian bookworm, 16 on Ubuntu noble), its
# default cluster not created (the emulator makes its own), and tini as PID 1, which forwards SIGTERM to the
# JVM and reaps whatever PostgreSQL leaves behind if its postmaster dies.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-common; \
    sed -ri 's/#? *(create_main_cluster) .*$/\1 = false/' /etc/postgresql-common/createcluster.conf; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql tini; \
    apt-get clean; rm -rf /var/lib/apt/lists/*

# An unprivileged user owns nothing but what it must read, and the embedded database's folder; uid 185 is the
# one Quarkus' images use.
RUN groupadd --system --gid 185 wksemu \
    && useradd --system --uid 185 --gid 185 --home-dir /deployments --shell /usr/sbin/nologin wksemu \
    && mkdir -p /deployments /var/lib/wksemu \
    && chown 185:185 /deployments /var/lib/wksemu

WORKDIR /deployments

# Dependencies first: they change less often than the application, so their layer is reused between builds.
COPY --from=build --chown=185:185 /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185:185 /build/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185:185 /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185:185 /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=185:185 seed/ /deployments/seed/

# EMULATOR_EMBEDDED_DATABASE: the embedded database's data; it runs unless DB_HOST (or
# QUARKUS_DATASOURCE_REACTIVE_URL) names an external one. Mount a volume at /var/lib/wksemu to keep it.
ENV EMULATOR_SEED_DIR=/deployments/seed \
    EMULATOR_EMBEDDED_DATABASE=/var/lib/wksemu/pgdata \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=8080

# Memory: a fixed heap of 144 MiB with the serial collector, bounded metaspace and code cache: under the
# 10,000-desktop benchmark the process peaked at 189 MiB resident (docs/benchmarks.md),
# and outside the heap it holds about 80 MiB (class cache, metaspace, code, threads). Building that
# project's index takes about 25 MiB for a moment (its points are read packed, one row per desktop), builds
# run one at a time, a project holds at most 20,000 desktops and users (emulator.limits), and the index cache
# is bounded to a quarter of the heap (emulator.index.max-bytes). The JVM stops (and the orchestrator restarts
# it) on an OutOfMemoryError instead of serving in a broken state. C1 only: about a quarter less wall time and
# 40% less CPU to the first answer (docs/deployment.md, "Startup time"), at a peak throughput an emulator does
# not need. The AOT cache path is relative to the working directory (/deployments). scripts/run.sh,
# scripts/startup-bench.sh and bench/run.sh read this line, so the figures are the image's (on a JDK 17 host
# with the package-time class-data archive in place of the AOT cache). Set JAVA_OPTS without
# -XX:TieredStopAtLevel=1 for load tests; JAVA_OPTS_APPEND adds flags without repeating these.
ENV JAVA_OPTS="-Xmx144m -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:AOTCache=app.aot -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

USER 185

# The AOT cache (JDK 25, JEP 514) is trained here, by this image's JVM, against the embedded database: a real
# start initialises the data directory, applies the migrations and loads the seed, then answers a desktops
# query, a users query and an admin call, and stops on SIGTERM; the JVM writes the cache as it exits. A cache
# is valid only for the JVM build that wrote it, so none is ever copied from the host. The data directory
# stays in the image, migrated, then wiped by the last call: a container's first start has nothing to create,
# and loads its seed folder (the image's, or one named by EMULATOR_SEED_DIR) into an empty store.
RUN set -e; opts=$(echo "$JAVA_OPTS" | sed 's/-XX:AOTCache=[^ ]*//'); \
    java $opts -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar >/tmp/aot-training.log 2>&1 & pid=$!; \
    p=/v2/0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d/statistics/metrics; q="start_time=$(date -u -d '-30 days' +%Y-%m-%dT00:00:00Z)&end_time=$(date -u +%Y-%m-%dT00:00:00Z)"; \
    i=0; until curl -fs -o /dev/null http://localhost:8080/q/health/ready; do \
      i=$((i + 1)); [ $i -lt 600 ] && kill -0 $pid 2>/dev/null || { cat /tmp/aot-training.log; exit 1; }; sleep 0.1; done; \
    curl -fs -o /dev/null -H 'X-Auth-Token: training' "http://localhost:8080$p/desktops?$q"; \
    curl -fs -o /dev/null -H 'X-Auth-Token: training' "http://localhost:8080$p/users?$q"; \
    curl -fs -o /dev/null http://localhost:8080/_emulator/clock; \
    curl -fs -o /dev/null -X DELETE http://localhost:8080/_emulator/state; \
    kill -TERM $pid; wait $pid || true; \
    if [ -s app.aot ]; then rm /tmp/aot-training.log; else cat /tmp/aot-training.log; exit 1; fi

EXPOSE 8080

# exec: tini is PID 1 and hands SIGTERM to the JVM, which stops Quarkus, then the embedded database; the
# container's exit status is the JVM's (143).
ENTRYPOINT ["tini", "--", "sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
