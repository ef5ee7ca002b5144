import ApusCore
import ApusScheduler
import Testing

/// Drives the pure scheduling state machine by hand: every time is explicit.
@Suite struct SchedulerMachineTests {
    let t0 = WallTime(millisecondsSinceEpoch: 1_900_000_000_000)

    func at(_ seconds: Int64) -> WallTime {
        t0 + .seconds(seconds)
    }

    func job(_ id: Int64, attempts: Int = 1, kind: String = "k") -> StoredJob {
        StoredJob(
            id: id, kind: kind, key: "key\(id)", payload: "", dueAt: at(0), state: .pending, attempts: attempts,
            lastError: nil, leaseUntil: at(60), createdAt: at(0), updatedAt: at(0)
        )
    }

    func scheduled(_ id: Int64, due: WallTime, attempts: Int = 0) -> StoredJob {
        StoredJob(
            id: id, kind: "k", key: "key\(id)", payload: "", dueAt: due, state: .pending, attempts: attempts,
            lastError: nil, leaseUntil: nil, createdAt: at(0), updatedAt: at(0)
        )
    }

    func machine(
        maxConcurrentJobs: Int = 4, retryPolicy: JobRetryPolicy = JobRetryPolicy(jitterFraction: 0)
    ) -> SchedulerMachine {
        SchedulerMachine(
            configuration: .init(
                leaseDuration: .seconds(60), maxConcurrentJobs: maxConcurrentJobs, retryPolicy: retryPolicy,
                shutdownGrace: .seconds(10), storeRetryDelay: .seconds(5)
            ),
            random: SeededRandom(seed: 7)
        )
    }

    @Test func startLoadsTheWakeTimeAndSleepsUntilIt() {
        var machine = machine()
        #expect(machine.handle(.started) == [.loadWakeTime])
        #expect(machine.handle(.started) == [])
        #expect(machine.handle(.wakeTimeLoaded(at(30), now: at(0))) == [.sleep(until: at(30))])
        #expect(machine.timerDeadline == at(30))
    }

    @Test func noPendingJobsMeansNoTimerAtAll() {
        var machine = machine()
        _ = machine.handle(.started)
        #expect(machine.handle(.wakeTimeLoaded(nil, now: at(0))) == [])
        #expect(machine.timerDeadline == nil)
    }

    @Test func aMissedJobIsClaimedAtOnce() {
        var machine = machine()
        _ = machine.handle(.started)
        #expect(
            machine.handle(.wakeTimeLoaded(at(-3600), now: at(0)))
                == [.claim(now: at(0), leaseUntil: at(60), limit: 4)]
        )
    }

    @Test func anEarlierJobRearmsTheTimerAndALaterOneDoesNot() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(100), now: at(0)))
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(200)), now: at(1))) == [])
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(50)), now: at(1))) == [.sleep(until: at(50))])
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(0)), now: at(2))) == [
            .cancelSleep, .claim(now: at(2), leaseUntil: at(62), limit: 4),
        ])
    }

    @Test func aJobScheduledIntoAnEmptyStoreArmsTheTimer() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(nil, now: at(0)))
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(9)), now: at(1))) == [.sleep(until: at(9))])
    }

    @Test func firedTimerClaimsRunsAndReloads() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(10), now: at(0)))
        #expect(machine.handle(.timerFired(now: at(10))) == [.claim(now: at(10), leaseUntil: at(70), limit: 4)])
        let actions = machine.handle(.jobsClaimed([job(1), job(2)], now: at(10)))
        #expect(actions == [.run(job(1)), .run(job(2)), .loadWakeTime])
        #expect(machine.counters.fired == 2)
        #expect(machine.running.count == 2)
    }

    @Test func outcomesBecomeCompleteRetryOrBuryAndATransientFailureIsNeverBuried() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1), job(2), job(3), job(4), job(5, attempts: 3)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(60), now: at(0)))
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(1))) == [.complete(job(1).claim)]
        )
        #expect(
            machine.handle(.jobFinished(id: 2, result: .outcome(.failed("503")), now: at(1)))
                == [.retry(job(2).claim, error: "503", at: at(6)), .sleep(until: at(6))]
        )
        #expect(
            machine.handle(.jobFinished(id: 3, result: .outcome(.permanentFailure("gone")), now: at(1)))
                == [.bury(job(3).claim, error: "gone")]
        )
        #expect(
            machine.handle(.jobFinished(id: 4, result: .noHandler, now: at(2)))
                == [.retry(job(4).claim, error: "no handler is registered for job kind 'k'", at: at(302))]
        )
        #expect(
            machine.handle(.jobFinished(id: 5, result: .outcome(.failed("503")), now: at(2)))
                == [.retry(job(5, attempts: 3).claim, error: "503", at: at(22))]
        )
        #expect(machine.handle(.jobFinished(id: 5, result: .outcome(.succeeded), now: at(3))) == [])
        #expect(machine.counters == SchedulerCounters(fired: 5, succeeded: 1, retried: 3, buried: 1))
    }

    @Test func theConcurrencyLimitHoldsAndAFreedSlotClaimsAgain() {
        var machine = machine(maxConcurrentJobs: 2)
        _ = machine.handle(.started)
        #expect(
            machine.handle(.wakeTimeLoaded(at(0), now: at(0))) == [.claim(now: at(0), leaseUntil: at(60), limit: 2)]
        )
        _ = machine.handle(.jobsClaimed([job(1), job(2)], now: at(0)))
        #expect(machine.handle(.wakeTimeLoaded(at(0), now: at(0))) == [])
        #expect(machine.isWaitingForSlot)
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(0)), now: at(0))) == [])
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(3)))
                == [.complete(job(1).claim), .claim(now: at(3), leaseUntil: at(63), limit: 1)]
        )
        #expect(!machine.isWaitingForSlot)
    }

    @Test func aReclaimedJobThatIsStillRunningHereIsNotStartedTwice() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(60), now: at(0)))
        _ = machine.handle(.timerFired(now: at(60)))
        #expect(machine.handle(.jobsClaimed([job(1, attempts: 2)], now: at(60))) == [.loadWakeTime])
        #expect(machine.counters.fired == 1)
    }

    @Test func aJobReplacedWhileRunningKeepsItsNewSchedule() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1), job(2)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(60), now: at(0)))
        #expect(machine.handle(.jobScheduled(scheduled(1, due: at(600), attempts: 1), now: at(1))) == [])
        #expect(machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(2))) == [])
        #expect(
            machine.handle(.jobFinished(id: 2, result: .outcome(.succeeded), now: at(2))) == [.complete(job(2).claim)]
        )
        #expect(machine.running.isEmpty)
    }

    @Test func aLateNoticeOfTheScheduleThatWasClaimedDoesNotSupersedeTheRun() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(60), now: at(0)))
        #expect(machine.handle(.jobScheduled(scheduled(1, due: at(0), attempts: 0), now: at(1))) == [])
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(2))) == [.complete(job(1).claim)]
        )
    }

    @Test func anEmptyClaimWithAPastWakeTimeBacksOffInsteadOfSpinning() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        #expect(machine.handle(.jobsClaimed([], now: at(0))) == [.loadWakeTime])
        #expect(machine.handle(.wakeTimeLoaded(at(0), now: at(0))) == [.sleep(until: at(5))])
    }

    @Test func aStoreFailureBacksOff() {
        var machine = machine()
        _ = machine.handle(.started)
        #expect(machine.handle(.storeFailed(now: at(1))) == [.sleep(until: at(6))])
        #expect(machine.handle(.timerFired(now: at(6))) == [.claim(now: at(6), leaseUntil: at(66), limit: 4)])
    }

    @Test func shutdownWaitsForRunningJobsThenStops() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1)], now: at(0)))
        _ = machine.handle(.wakeTimeLoaded(at(30), now: at(0)))
        #expect(machine.handle(.shutdownRequested(now: at(1))) == [.sleep(until: at(11))])
        #expect(machine.phase == .stopping)
        #expect(machine.handle(.jobScheduled(scheduled(99, due: at(2)), now: at(2))) == [])
        #expect(
            machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(3)))
                == [.complete(job(1).claim), .cancelSleep, .stop]
        )
        #expect(machine.phase == .stopped)
        #expect(machine.handle(.timerFired(now: at(20))) == [])
    }

    @Test func shutdownGraceAbandonsRunningJobs() {
        var machine = machine()
        _ = machine.handle(.started)
        _ = machine.handle(.wakeTimeLoaded(at(0), now: at(0)))
        _ = machine.handle(.jobsClaimed([job(1)], now: at(0)))
        _ = machine.handle(.shutdownRequested(now: at(1)))
        #expect(machine.handle(.timerFired(now: at(11))) == [.abandonRunningJobs, .stop])
        #expect(machine.counters.abandoned == 1)
        #expect(machine.handle(.jobFinished(id: 1, result: .outcome(.succeeded), now: at(12))) == [])
    }

    @Test func shutdownWithNothingRunningStopsAtOnce() {
        var idle = machine()
        #expect(idle.handle(.shutdownRequested(now: at(0))) == [.stop])
        var running = machine()
        _ = running.handle(.started)
        _ = running.handle(.wakeTimeLoaded(at(100), now: at(0)))
        #expect(running.handle(.shutdownRequested(now: at(1))) == [.cancelSleep, .stop])
    }
}
