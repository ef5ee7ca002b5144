import ApusCore
import ApusScheduler
import Testing

/// The state machine's side of fencing: finishes carry the run's claim, re-claims of running jobs are adopted or
/// deferred, and refused finishes are counted as superseded.
@Suite struct SchedulerMachineFencingTests {
    let t0 = WallTime(millisecondsSinceEpoch: 1_900_000_000_000)

    func at(_ seconds: Int64) -> WallTime {
        t0 + .seconds(seconds)
    }

    func job(_ id: Int64, attempts: Int = 1, payload: String = "", due: Int64 = 0) -> StoredJob {
        StoredJob(
            id: id, kind: "k", key: "key\(id)", payload: payload, dueAt: at(due), state: .pending, attempts: attempts,
            lastError: nil, leaseUntil: at(60), createdAt: at(0), updatedAt: at(0)
        )
    }

    /// A started machine running `jobs`, its timer armed at 60 s.
    func machine(running jobs: [StoredJob]) -> SchedulerMachine {
        var machine = SchedulerMachine(
            configuration: .init(
                leaseDuration: .seconds(60), maxConcurrentJobs: 4,
                retryPolicy: JobRetryPolicy(jitterFraction: 0), shutdownGrace: .seconds(10),
                storeRetryDelay: .seconds(5)
            ),
            random: SeededRandom(seed: 7)
        )
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed(jobs, now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(60), now: at(0)))
        return machine
    }

    @Test func everyFinishCarriesTheRunsClaim() {
        var machine = machine(running: [job(1, attempts: 3), job(2, attempts: 1), job(3, attempts: 2)])
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(1)))
                == [.complete(JobClaim(jobID: 1, attempt: 3))]
        )
        #expect(
            machine.handle(.jobFinished(id: 2, result: .outcome(.permanentFailure("gone")), now: at(1)))
                == [.bury(JobClaim(jobID: 2, attempt: 1), error: "gone")]
        )
        #expect(
            machine.handle(.jobFinished(id: 3, result: .outcome(.failed("503")), now: at(1)))
                == [.retry(JobClaim(jobID: 3, attempt: 2), error: "503", at: at(11)), .sleep(until: at(11))]
        )
    }

    @Test func anUnchangedJobReclaimedWhileRunningHereAdoptsTheNewClaim() {
        var machine = machine(running: [job(1)])
        _ = machine.handle(.timerFired(now: at(60)))
        #expect(machine.handle(.jobsClaimed([job(1, attempts: 2)], now: at(60))) == [.loadWakeTime])
        #expect(machine.running[1]?.attempts == 2)
        #expect(machine.claimsWaitingForRun.isEmpty)
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(61)))
                == [.complete(JobClaim(jobID: 1, attempt: 2))]
        )
        #expect(machine.counters == SchedulerCounters(fired: 1, succeeded: 1))
    }

    @Test func aChangedJobReclaimedWhileRunningHereStartsWhenTheStaleRunEnds() {
        var machine = machine(running: [job(1, payload: "old")])
        _ = machine.handle(.timerFired(now: at(60)))
        // Another process rescheduled the job (new payload and due time); this machine claims the new schedule.
        let rescheduled = job(1, attempts: 2, payload: "new", due: 30)
        #expect(machine.handle(.jobsClaimed([rescheduled], now: at(60))) == [.loadWakeTime])
        #expect(machine.claimsWaitingForRun[1] == rescheduled)
        #expect(machine.running[1]?.payload == "old")
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(61)))
                == [.complete(JobClaim(jobID: 1, attempt: 1)), .run(rescheduled)]
        )
        #expect(machine.handle(.finishSuperseded(JobClaim(jobID: 1, attempt: 1), .complete)) == [])
        #expect(machine.running[1] == rescheduled)
        #expect(machine.claimsWaitingForRun.isEmpty)
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(62)))
                == [.complete(JobClaim(jobID: 1, attempt: 2))]
        )
        #expect(machine.counters == SchedulerCounters(fired: 2, succeeded: 1, superseded: 1))
    }

    @Test func aRescheduleHereDropsAWaitingClaimButNotALaterOne() {
        var machine = machine(running: [job(1, payload: "old")])
        _ = machine.handle(.timerFired(now: at(60)))
        _ = machine.handle(.jobsClaimed([job(1, attempts: 2, payload: "new")], now: at(60)))
        // A notice of a schedule stored before the waiting claim (fewer attempts) leaves it alone.
        var lateNotice = job(1, attempts: 1, payload: "new")
        lateNotice.leaseUntil = nil
        _ = machine.handle(.jobScheduled(lateNotice, now: at(61)))
        #expect(machine.claimsWaitingForRun[1] != nil)
        // A replacement after the waiting claim supersedes it: nothing starts when the stale run ends.
        var replacement = job(1, attempts: 2, payload: "newer", due: 600)
        replacement.leaseUntil = nil
        _ = machine.handle(.jobScheduled(replacement, now: at(62)))
        #expect(machine.claimsWaitingForRun.isEmpty)
        #expect(machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(63))) == [])
        #expect(machine.running.isEmpty)
        #expect(machine.counters == SchedulerCounters(fired: 1, superseded: 1))
    }

    @Test func refusedFinishesMoveFromTheirOutcomeToSuperseded() {
        var machine = machine(running: [job(1), job(2), job(3)])
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(1)))
        _ = machine.handle(.jobFinished(id: 2, result: .outcome(.failed("503")), now: at(1)))
        _ = machine.handle(.jobFinished(id: 3, result: .outcome(.permanentFailure("gone")), now: at(1)))
        #expect(machine.counters == SchedulerCounters(fired: 3, succeeded: 1, retried: 1, buried: 1))
        _ = machine.handle(.finishSuperseded(JobClaim(jobID: 1, attempt: 1), .complete))
        #expect(machine.counters == SchedulerCounters(fired: 3, retried: 1, buried: 1, superseded: 1))
        _ = machine.handle(.finishSuperseded(JobClaim(jobID: 2, attempt: 1), .retry))
        _ = machine.handle(.finishSuperseded(JobClaim(jobID: 3, attempt: 1), .bury))
        #expect(machine.counters == SchedulerCounters(fired: 3, superseded: 3))
    }

    @Test func aRunReplacedHereIsCountedAsSuperseded() {
        var machine = machine(running: [job(1)])
        var replacement = job(1, attempts: 1, payload: "new", due: 600)
        replacement.leaseUntil = nil
        _ = machine.handle(.jobScheduled(replacement, now: at(1)))
        #expect(machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(2))) == [])
        #expect(machine.counters == SchedulerCounters(fired: 1, superseded: 1))
    }

    @Test func aWaitingClaimIsNotStartedDuringShutdown() {
        var machine = machine(running: [job(1, payload: "old")])
        _ = machine.handle(.timerFired(now: at(60)))
        _ = machine.handle(.jobsClaimed([job(1, attempts: 2, payload: "new")], now: at(60)))
        _ = machine.handle(.shutdownRequested(now: at(61)))
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(62)))
                == [.complete(JobClaim(jobID: 1, attempt: 1)), .cancelSleep, .stop]
        )
        #expect(machine.claimsWaitingForRun.isEmpty)
        #expect(machine.phase == .stopped)
    }
}
