import Apus
import ApusCore
import Synchronization
import Testing

/// Records what the coordinator did, for the tests below.
private final class Recorder: Sendable {
    let events = Mutex<[String]>([])
    let forced = Mutex<[ShutdownReport]>([])

    func note(_ event: String) { events.withLock { $0.append(event) } }
    var eventList: [String] { events.withLock { $0 } }
    var forcedReports: [ShutdownReport] { forced.withLock { $0 } }
}

/// A gate a step waits at until the test opens it.
private final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>], arrived: Bool)>((false, [], false))

    var hasArrived: Bool { state.withLock { $0.arrived } }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                state.arrived = true
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

private func until(_ condition: () -> Bool) async throws {
    for _ in 0..<5_000 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(2))
    }
    Issue.record("condition never held")
}

@Suite("Graceful stop: steps in order within a deadline, forced by the deadline or a second signal")
struct ShutdownCoordinatorTests {
    private func makeCoordinator(_ recorder: Recorder, clock: ManualTimeSource, deadline: Duration = .seconds(30))
        -> ShutdownCoordinator {
        ShutdownCoordinator(
            deadline: deadline, timeSource: clock,
            beginStop: { recorder.note("begin") },
            forceExit: { report in recorder.forced.withLock { $0.append(report) } })
    }

    @Test("a stop runs every step in order, records a step's failure and goes on, and reports what was left undone")
    func stepsRunInOrder() async {
        let recorder = Recorder()
        let coordinator = makeCoordinator(recorder, clock: ManualTimeSource())
        struct Failure: Error, CustomStringConvertible { var description: String { "disk full" } }
        coordinator.prepare([
            ShutdownStep("store sessions") { recorder.note("sessions"); return nil },
            ShutdownStep("flush XP") { recorder.note("flush"); throw Failure() },
            ShutdownStep("close store") { recorder.note("close"); return "3 rows not committed" },
        ])
        coordinator.requestStop()
        let report = await coordinator.finish()
        #expect(recorder.eventList == ["begin", "sessions", "flush", "close"])
        #expect(report.forced == nil)
        #expect(report.notes == ["flush XP failed: disk full", "close store: 3 rows not committed"])
        #expect(!report.isClean)
        #expect(recorder.forcedReports.isEmpty)
    }

    @Test("a stop with nothing left undone is clean and its deadline never fires afterwards")
    func cleanStopCancelsDeadline() async throws {
        let recorder = Recorder()
        let clock = ManualTimeSource()
        let coordinator = makeCoordinator(recorder, clock: clock)
        coordinator.prepare([ShutdownStep("close store") { nil }])
        coordinator.requestStop()
        let report = await coordinator.finish()
        #expect(report.isClean)
        #expect(report.description == "stopped cleanly")
        clock.advance(by: .seconds(3600))
        try await Task.sleep(for: .milliseconds(20))
        #expect(recorder.forcedReports.isEmpty)
    }

    @Test("the deadline forces the stop: the report names the step that hung, the steps never started and what is pending")
    func deadlineForces() async throws {
        let recorder = Recorder()
        let clock = ManualTimeSource()
        let coordinator = makeCoordinator(recorder, clock: clock, deadline: .seconds(30))
        coordinator.addPendingProbe { "42 XP changes" }
        coordinator.addPendingProbe { nil }
        let hang = Gate()
        coordinator.prepare([
            ShutdownStep("store sessions") { nil },
            ShutdownStep("flush XP") { await hang.wait(); return nil },
            ShutdownStep("close store") { recorder.note("close"); return nil },
        ])
        coordinator.requestStop()
        let finishing = Task { await coordinator.finish() }
        try await until { hang.hasArrived && clock.sleeperCount > 0 }
        clock.advance(by: .seconds(29))
        try await Task.sleep(for: .milliseconds(20))
        #expect(recorder.forcedReports.isEmpty, "not forced before the deadline")
        clock.advance(by: .seconds(1))
        try await until { !recorder.forcedReports.isEmpty }
        let report = try #require(recorder.forcedReports.first)
        #expect(report.forced == .deadline)
        #expect(report.interruptedStep == "flush XP")
        #expect(report.skippedSteps == ["close store"])
        #expect(report.pending == ["42 XP changes"])
        #expect(report.description.contains("not flushed: 42 XP changes"))
        // The abandoned step finishing later runs nothing more and forces nothing twice.
        hang.open()
        _ = await finishing.value
        #expect(!recorder.eventList.contains("close"))
        #expect(recorder.forcedReports.count == 1)
    }

    @Test("a second signal while the gateway drains forces the stop at once, naming every step as not done")
    func secondSignalForces() async throws {
        let recorder = Recorder()
        let coordinator = makeCoordinator(recorder, clock: ManualTimeSource())
        coordinator.prepare([ShutdownStep("store sessions") { nil }, ShutdownStep("close store") { nil }])
        coordinator.requestStop()
        #expect(coordinator.isStopping)
        coordinator.requestStop()
        try await until { !recorder.forcedReports.isEmpty }
        let report = try #require(recorder.forcedReports.first)
        #expect(report.forced == .secondSignal)
        #expect(report.interruptedStep == "draining the gateway and handlers")
        #expect(report.skippedSteps == ["store sessions", "close store"])
        #expect(recorder.eventList == ["begin"], "beginStop runs once")
        coordinator.requestStop()
        try await Task.sleep(for: .milliseconds(20))
        #expect(recorder.forcedReports.count == 1, "forced at most once")
    }

    @Test("a pending probe that never answers is reported as unknown and does not hold the forced exit up")
    func stuckProbe() async throws {
        let recorder = Recorder()
        let clock = ManualTimeSource()
        let coordinator = makeCoordinator(recorder, clock: clock)
        let never = Gate()
        coordinator.addPendingProbe { await never.wait(); return "never" }
        coordinator.addPendingProbe { "3 XP changes" }
        coordinator.prepare([ShutdownStep("close store") { nil }])
        coordinator.requestStop()
        coordinator.requestStop()
        try await until { never.hasArrived && clock.sleeperCount > 1 }
        clock.advance(by: .seconds(1))
        try await until { !recorder.forcedReports.isEmpty }
        let report = try #require(recorder.forcedReports.first)
        #expect(report.pending.count == 2)
        #expect(report.pending.first?.hasPrefix("unknown") == true)
        #expect(report.pending.last == "3 XP changes")
        never.open()
    }

    @Test("an early failure runs the steps without a deadline and without calling beginStop")
    func finishWithoutStop() async {
        let recorder = Recorder()
        let coordinator = makeCoordinator(recorder, clock: ManualTimeSource())
        coordinator.prepare([ShutdownStep("close store") { recorder.note("close"); return nil }])
        let report = await coordinator.finish()
        #expect(report.isClean)
        #expect(recorder.eventList == ["close"])
        coordinator.requestStop()
        #expect(recorder.forcedReports.isEmpty, "a request after the stop finished does nothing")
    }
}
