import ApusCore
import Testing

@testable import ApusScheduler

/// The pause after a refused token, on the pure state machine: no I/O, every time given.
@Suite struct SchedulerMachinePauseTests {
    func at(_ seconds: Int64) -> WallTime {
        WallTime(millisecondsSinceEpoch: 1_000_000 + seconds * 1000)
    }

    func job(_ id: Int64, attempts: Int = 1) -> StoredJob {
        StoredJob(
            id: id, kind: "k", key: "key\(id)", payload: "", dueAt: at(0), state: .pending, attempts: attempts,
            lastError: nil, leaseUntil: at(60), createdAt: at(0), updatedAt: at(0)
        )
    }

    /// A running machine (probe interval 300 s) with jobs 1 and 2 claimed at time 0.
    func runningTwoJobs() -> SchedulerMachine {
        var machine = SchedulerMachine(
            configuration: .init(
                leaseDuration: .seconds(60), maxConcurrentJobs: 4, retryPolicy: JobRetryPolicy(jitterFraction: 0),
                unauthorizedProbeInterval: .seconds(300)
            ),
            random: SeededRandom(seed: 1)
        )
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1), job(2)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(30), now: at(0)))
        return machine
    }

    @Test func aRefusedTokenPausesTheLoopOnceAndPutsTheJobBackForTheProbe() {
        var machine = runningTwoJobs()
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401: Unauthorized")), now: at(1)))
                == [
                    .paused(reason: "401: Unauthorized", probeAt: at(301)),
                    .retry(job(1).claim, error: "401: Unauthorized", at: at(301)), .sleep(until: at(301)),
                ]
        )
        #expect(machine.pause == SchedulerMachine.Pause(reason: "401: Unauthorized", since: at(1), probeAt: at(301)))
        // A second refusal during the pause is put back for the same probe, with no second "paused".
        #expect(
            machine.handle(.jobFinished(id: 2, result: .outcome(.unauthorized("401: Unauthorized")), now: at(2)))
                == [.retry(job(2).claim, error: "401: Unauthorized", at: at(301))]
        )
        #expect(machine.counters == SchedulerCounters(fired: 2, retried: 2, pauses: 1))
        // Nothing is claimed while paused: not a job scheduled now, not the old wake time.
        #expect(machine.handle(.jobScheduled(job(3, attempts: 0), now: at(3))) == [])
        #expect(machine.handle(.timerFired(now: at(30))) == [.sleep(until: at(301))])
    }

    @Test func theProbeClaimsOneJobAndItsSuccessResumesTheLoop() {
        var machine = runningTwoJobs()
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401")), now: at(1)))
        _ = machine.handle(.jobFinished(id: 2, result: .outcome(.succeeded), now: at(2)))
        #expect(machine.pause != nil, "a success that is not the probe does not end the pause")
        #expect(
            machine.handle(.timerFired(now: at(301))) == [.claim(now: at(301), leaseUntil: at(361), limit: 1)]
        )
        #expect(machine.handle(.jobsClaimed([job(1, attempts: 2)], now: at(301))) == [.run(job(1, attempts: 2))])
        #expect(machine.pause?.probeJobID == 1)
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(302)))
                == [.complete(job(1, attempts: 2).claim), .resumed, .loadWakeTime]
        )
        #expect(machine.pause == nil)
        #expect(machine.handle(.wakeTimeLoaded(at(302), now: at(302))) == [.claim(now: at(302), leaseUntil: at(362), limit: 4)])
    }

    @Test func aRefusedProbePausesForOneMoreIntervalWithoutASecondErrorLog() {
        var machine = runningTwoJobs()
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401")), now: at(1)))
        _ = machine.handle(.jobFinished(id: 2, result: .outcome(.unauthorized("401")), now: at(1)))
        _ = machine.handle(.timerFired(now: at(301)))
        _ = machine.handle(.jobsClaimed([job(1, attempts: 2)], now: at(301)))
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401 again")), now: at(302)))
                == [.retry(job(1, attempts: 2).claim, error: "401 again", at: at(602)), .sleep(until: at(602))]
        )
        #expect(machine.pause?.probeAt == at(602))
        #expect(machine.counters.pauses == 1)
    }

    @Test func aProbeWithNothingDueResumesTheLoop() {
        var machine = runningTwoJobs()
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401")), now: at(1)))
        _ = machine.handle(.jobFinished(id: 2, result: .outcome(.succeeded), now: at(2)))
        _ = machine.handle(.timerFired(now: at(301)))
        #expect(machine.handle(.jobsClaimed([], now: at(301))) == [.resumed, .loadWakeTime])
        #expect(machine.pause == nil)
    }

    @Test func aResumeRequestEndsThePauseAtOnce() {
        var machine = runningTwoJobs()
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401")), now: at(1)))
        #expect(machine.handle(.resumeRequested(now: at(5))) == [.resumed, .cancelSleep, .loadWakeTime])
        #expect(machine.pause == nil)
        #expect(machine.handle(.resumeRequested(now: at(6))) == [], "resuming a running loop does nothing")
    }

    @Test func aStoreFailureDuringTheProbeClaimTriesTheProbeAgain() {
        var machine = runningTwoJobs()
        _ = machine.handle(.jobFinished(id: 1, result: .outcome(.unauthorized("401")), now: at(1)))
        _ = machine.handle(.jobFinished(id: 2, result: .outcome(.succeeded), now: at(2)))
        _ = machine.handle(.timerFired(now: at(301)))
        #expect(machine.handle(.storeFailed(now: at(301))) == [.sleep(until: at(306))])
        #expect(machine.handle(.timerFired(now: at(306))) == [.claim(now: at(306), leaseUntil: at(366), limit: 1)])
    }
}
