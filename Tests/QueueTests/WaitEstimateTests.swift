import Foundation
import Testing
@testable import Queue

@Suite struct WaitEstimateTests {
    @Test func withoutSamplesTheConfiguredTimeDecides() {
        #expect(WaitEstimate.serviceMinutes(recentSeconds: [], configuredMinutes: 8) == 8)
    }

    @Test func oneFastServiceBarelyMovesTheEstimate() {
        // The reported case: one 3-second service, then 17 people ahead at one window.
        let service = WaitEstimate.serviceMinutes(recentSeconds: [3], configuredMinutes: 8)
        #expect(abs(service - (0.1 * 0.05 + 0.9 * 8)) < 1e-9)
        #expect(WaitEstimate.minutes(ahead: 17, serviceMinutes: service, windowsServing: 1)! >= 120)
    }

    @Test func theMedianIgnoresOutliersOnceThereAreEnoughSamples() {
        // Ten services of about 6 minutes with one 3-second and one 2-hour outlier.
        let samples: [Double] = [3, 7200, 350, 360, 370, 355, 365, 360, 362, 358, 361, 359]
        let service = WaitEstimate.serviceMinutes(recentSeconds: samples, configuredMinutes: 15)
        #expect(abs(service - 6) < 0.1)
    }

    @Test func neverBelowTheFloor() {
        // A run of instant services (a clerk clicking through) cannot promise "no wait" to a queue.
        let service = WaitEstimate.serviceMinutes(recentSeconds: Array(repeating: 2, count: 20), configuredMinutes: 12)
        #expect(service == 3)  // 12 × 0.25
        #expect(WaitEstimate.serviceMinutes(recentSeconds: Array(repeating: 2, count: 20), configuredMinutes: 2) == 1)
        #expect(WaitEstimate.minutes(ahead: 10, serviceMinutes: service, windowsServing: 2) == 15)
    }

    @Test func onlyTheRecentSamplesCount() {
        // The newest first: 20 recent 5-minute services outweigh older 30-minute ones.
        let samples = Array(repeating: 300.0, count: 20) + Array(repeating: 1800.0, count: 20)
        #expect(WaitEstimate.serviceMinutes(recentSeconds: samples, configuredMinutes: 8) == 5)
    }

    /// A simulated day at one line with two windows: arrivals every 3 minutes, services of 5 to 7 minutes with
    /// a 3-second service (a ticket called by mistake) and a 40-minute one among them. At every arrival the
    /// estimate stays within a sane band around what the queue really takes: ahead × true mean ÷ windows.
    @Test func staysSaneThroughASimulatedDay() {
        var completions: [(finish: Double, seconds: Double)] = []
        let windows = 2
        var windowFree = [0.0, 0.0]          // minute each window is next free
        var queue: [(arrival: Double, service: Double)] = []
        var checked = 0
        for arrival in 0..<150 {
            let now = Double(arrival) * 3
            // A window free by `now` takes the next waiting ticket; its service ends (a sample) later.
            for w in 0..<windows {
                while windowFree[w] <= now, !queue.isEmpty {
                    let next = queue.removeFirst()
                    windowFree[w] = max(windowFree[w], next.arrival) + next.service
                    completions.append((windowFree[w], next.service * 60))
                }
            }
            let finishedNewestFirst = completions.filter { $0.finish <= now }.sorted { $0.finish > $1.finish }.map(\.seconds)
            let service: Double
            switch arrival {
            case 20: service = 0.05            // 3 seconds
            case 60: service = 40              // one very long case
            // 5 to 7 minutes, scattered (a fixed sequence, the same on every run).
            default: service = 5 + Double(arrival * 37 % 201) / 100
            }
            let minutesPerService = WaitEstimate.serviceMinutes(recentSeconds: Array(finishedNewestFirst.prefix(WaitEstimate.recentSamples)),
                                                                configuredMinutes: 8)
            #expect(minutesPerService >= 2 && minutesPerService <= 9, "at \(now): \(minutesPerService)")
            let ahead = queue.count
            if ahead > 0, let estimate = WaitEstimate.minutes(ahead: ahead, serviceMinutes: minutesPerService, windowsServing: windows) {
                let truth = Double(ahead) * 6 / Double(windows)
                #expect(Double(estimate) >= truth * 0.5 && Double(estimate) <= truth * 1.6 + 1, "at \(now): \(estimate) vs \(truth)")
                checked += 1
            }
            queue.append((now, service))
        }
        #expect(checked > 10)
    }
}
