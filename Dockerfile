####
# Container image of the emulator, built from source: `docker build .` needs nothing but a container engine.
#
#   docker build -t ghcr.io/wksemu/wksemu:0.1.0-SNAPSHOT .
#   docker compose up            # PostgreSQL and the emulator, see docker-compose.yml
#
# The first stage compiles and packages the application with Maven and JDK 17 (the tests are neither compiled
# nor run here: they need PostgreSQL; scripts/test.sh runs them). The second stage is the runtime image of
# src/main/docker/Dockerfile.jvm, which packages an application already built on the host instead.
####
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src/ src/
# The cache mount keeps the downloaded dependencies between builds (BuildKit and Buildah both support it).
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre

ENV LANGUAGE='en_US:en' LANG='en_US.UTF-8'

# An unprivileged user owns nothing but what it must read; uid 185 is the one Quarkus' images use.
RUN groupadd --system --gid 185 wksemu \
    && useradd --system --uid 185 --gid 185 --home-dir /deployments --shell /usr/sbin/nologin wksemu \
    && mkdir -p /deployments \
    && chown 185:185 /deployments

WORKDIR /deployments

# Dependencies first: they change less often than the application, so their layer is reused between builds.
COPY --from=build --chown=185:185 /build/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185:185 /build/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185:185 /build/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185:185 /build/target/quarkus-app/quarkus/ /deployments/quarkus/
COPY --chown=185:185 seed/ /deployments/seed/

ENV EMULATOR_SEED_DIR=/deployments/seed \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    QUARKUS_HTTP_PORT=8080

# The class-data archive (AppCDS) is built here, by this image's JVM, as the build does at package time
# (pom.xml, exec-maven-plugin): a training start records every class it loads, through Quarkus' static and
# runtime initialisation up to the first database connection, and the JVM maps them at every start instead
# of loading and verifying them again. No database is reachable here: the start gives up at the first refusal
# (EMULATOR_DATABASE_WAIT=0s) and exits with 1, and the JVM writes the archive as it exits. An archive is
# valid only for the JVM build that wrote it, so target/quarkus-app/app-cds.jsa is not copied.
RUN QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:9/training EMULATOR_DATABASE_WAIT=0s QUARKUS_HTTP_PORT=0 \
    java -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -jar /deployments/quarkus-run.jar >/tmp/app-cds-training.log 2>&1; \
    if [ -s /deployments/app-cds.jsa ]; then rm /tmp/app-cds-training.log; else cat /tmp/app-cds-training.log; exit 1; fi; \
    chown 185:185 /deployments/app-cds.jsa

# Memory: a fixed heap of 144 MiB with the serial collector, bounded metaspace and code cache: under the
# 10,000-desktop benchmark the process peaked at 189 MiB resident (README, "Benchmarks"),
# and outside the heap it holds about 80 MiB (class archive, metaspace, code, threads). Building that
# project's index takes about 25 MiB for a moment (its points are read packed, one row per desktop), builds
# run one at a time, a project holds at most 20,000 desktops and users (emulator.limits), and the index cache
# is bounded to a quarter of the heap (emulator.index.max-bytes). The JVM stops (and the orchestrator restarts it) on an OutOfMemoryError instead
# of serving in a broken state. C1 only: about a quarter less wall time and 40%
# less CPU to the first answer (docs/deployment.md, "Startup time"), at a peak throughput an emulator does
# not need. The archive path is relative to the working directory (/deployments). scripts/run.sh,
# scripts/startup-bench.sh and bench/run.sh read this line, so the figures are the image's. Set JAVA_OPTS
# without -XX:TieredStopAtLevel=1 for load tests; JAVA_OPTS_APPEND adds flags without repeating these.
ENV JAVA_OPTS="-Xmx144m -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=app-cds.jsa -Djava.util.logging.manager=org.jboss.logmanager.LogManager" \
    JAVA_OPTS_APPEND=""

USER 185
EXPOSE 8080

# exec: java is PID 1 and receives SIGTERM itself, so Quarkus shuts down gracefully.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
