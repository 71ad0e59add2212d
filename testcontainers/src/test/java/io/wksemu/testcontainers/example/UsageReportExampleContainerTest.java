package io.wksemu.testcontainers.example;

/**
 * The same example in container mode: run by scripts/verify-containers.sh (-Pcontainers), where the
 * extension starts the image through a Docker-compatible socket instead of using a running emulator.
 */
class UsageReportExampleContainerTest extends UsageReportExampleTest {
}
