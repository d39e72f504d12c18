import Foundation
import Testing
@testable import FolioServe
import FolioTestSupport

@Suite("ServeLock: one server per output folder")
struct ServeLockTests {
    @Test("a second lock of the same folder fails and names the first holder")
    func second() throws {
        let dir = TestSupport.temporaryDirectory("serve-lock") + "/out"
        let first = try ServeLock(directory: dir)
        first.record(url: "http://127.0.0.1:8123/")
        #expect(throws: ServeLock.Failure.held(by: .init(pid: getpid(), url: "http://127.0.0.1:8123/"))) {
            _ = try ServeLock(directory: dir)
        }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + ServeLock.fileName))
        let again = try ServeLock(directory: dir)
        again.release()
    }
}
