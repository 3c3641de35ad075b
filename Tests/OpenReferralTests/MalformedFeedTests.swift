import CaseloadKit
import Foundation
import Testing
@testable import OpenReferral

/// A file with a fault yields an error naming the file, the place and the problem, and no services.
@Suite struct MalformedFeedTests {
    func error(json: String, file: String = "feed.json") -> FeedError? {
        do {
            _ = try OpenReferralFeed.services(fromJSON: Array(json.utf8), fileName: file)
            return nil
        } catch {
            return error
        }
    }

    func error(csv tables: [String: String]) -> FeedError? {
        do {
            _ = try OpenReferralFeed.services(fromCSVTables: tables, folderName: "feed")
            return nil
        } catch {
            return error
        }
    }

    func error(reading relative: String) -> FeedError? {
        do {
            _ = try OpenReferralFeed.read(path: FixtureFiles.path(relative))
            return nil
        } catch {
            return error
        }
    }

    @Test func truncatedJSONSaysWhereTheDataEnds() {
        let path = FixtureFiles.path("malformed/truncated.json")
        #expect(error(reading: "malformed/truncated.json") == FeedError(
            file: path, problem: "not valid JSON: unexpected end of data at line 3, column 37 (byte 54)"))
    }

    @Test func aFieldOfTheWrongTypeNamesTheRecordAndField() {
        let path = FixtureFiles.path("malformed/name_is_number.json")
        let found = error(reading: "malformed/name_is_number.json")
        #expect(found == FeedError(file: path, place: "contents[1] (service id \"bad-2\"), field \"name\"",
                                   problem: "expected text, found a number"))
        #expect(found?.description == "\(path): contents[1] (service id \"bad-2\"), field \"name\": expected text, found a number")
    }

    @Test func invalidUTF8IsRefusedWithTheOffset() {
        #expect(error(reading: "malformed/not_utf8.json") == FeedError(
            file: FixtureFiles.path("malformed/not_utf8.json"),
            problem: "not UTF-8 text (the first bad byte is at byte 25); save the file as UTF-8"))
    }

    @Test func theTopLevelMustBeAnObjectOrList() {
        #expect(error(reading: "malformed/top_level_text.json")?.problem
            == "expected a service, a list of services or a paged list, found text")
        #expect(error(json: "42")?.problem == "expected a service, a list of services or a paged list, found a number")
    }

    @Test func nestedFieldsAreNamedByTheirPath() {
        let json = #"[{"id":"s1","name":"Lunch Club","service_at_locations":[{"location":{"addresses":[{"city":7}]}}]}]"#
        #expect(error(json: json) == FeedError(
            file: "feed.json", place: "[0] (service \"Lunch Club\"), field \"service_at_locations[0].location.addresses[0].city\"",
            problem: "expected text, found a number"))
    }

    @Test(arguments: [
        (#"{"id":"s","name":"N","status":true}"#, "service \"N\", field \"status\"", "expected text, found true"),
        (#"{"id":"s","name":"N","phones":{"number":"1"}}"#, "service \"N\", field \"phones\"", "expected a list, found an object"),
        (#"{"id":"s","name":"N","phones":["01632"]}"#, "service \"N\", field \"phones[0]\"", "expected an object, found text"),
        (#"{"id":"s","name":"N","organization":[]}"#, "service \"N\", field \"organization\"", "expected an object, found a list"),
        (#"{"id":"s","name":"N","minimum_age":"twelve"}"#, "service \"N\", field \"minimum_age\"", "expected a number, found \"twelve\""),
        (#"{"id":"s","name":"N","cost_options":[{"amount":1e999}]}"#, "service \"N\", field \"cost_options[0].amount\"", "the number 1e999 is too large"),
        (#"{"id":["s"]}"#, "field \"id\"", "expected text, found a list"),
        (#"{"contents":{"id":"s"}}"#, "field \"contents\"", "expected a list of services, found an object"),
        (#"{"content":[1]}"#, "content[0]", "expected a service object, found a number"),
    ])
    func wrongTypes(json: String, place: String, problem: String) {
        #expect(error(json: json) == FeedError(file: "feed.json", place: place, problem: problem))
    }

    @Test func unmappedFieldsMayHoldAnything() throws {
        let json = #"{"id":"s","name":"N","alert":[1,{"x":null}],"phones":[{"number":"1","languages":7}],"timezone":3}"#
        #expect(try OpenReferralFeed.services(fromJSON: Array(json.utf8), fileName: "f").map(\.name) == ["N"])
    }

    @Test func emptyFilesAreRefused() {
        #expect(error(json: "") == FeedError(file: "feed.json", problem: "the file is empty"))
        #expect(error(json: "  \n")?.problem == "not valid JSON: unexpected end of data at line 2, column 1 (byte 3)")
    }

    @Test func aMissingFileOrACSVFileIsNamed() {
        #expect(error(reading: "nowhere.json") == FeedError(file: FixtureFiles.path("nowhere.json"), problem: "no such file or folder"))
        #expect(error(reading: "hsds3/csv/services.csv")?.problem
            == "a CSV feed is read as a folder: give the folder that holds services.csv")
    }

    @Test func csvWithAnUnclosedQuoteNamesTheLineItOpensOn() {
        #expect(error(reading: "malformed/csv_unclosed_quote") == FeedError(
            file: FixtureFiles.path("malformed/csv_unclosed_quote") + "/services.csv", place: "line 3",
            problem: "a quoted field is never closed"))
    }

    @Test func csvRowsMustMatchTheHeader() {
        #expect(error(reading: "malformed/csv_wrong_columns") == FeedError(
            file: FixtureFiles.path("malformed/csv_wrong_columns") + "/services.csv", place: "line 3",
            problem: "has 2 columns but the header has 3"))
    }

    @Test func aFolderNeedsServicesCSV() {
        #expect(error(reading: "malformed/csv_no_services") == FeedError(
            file: FixtureFiles.path("malformed/csv_no_services"), problem: "missing services.csv"))
        #expect(error(csv: [:]) == FeedError(file: "feed", problem: "missing services.csv"))
    }

    @Test func csvNumbersAreChecked() {
        let services = "id,name,minimum_age\ns1,Walk,12\ns2,Swim,twelve\n"
        #expect(error(csv: ["services.csv": services]) == FeedError(
            file: "feed/services.csv", place: "line 3, column \"minimum_age\"", problem: "expected a number, found \"twelve\""))
        let costs = "id,service_id,amount\nc1,s1,£5\n"
        #expect(error(csv: ["services.csv": "id,name\ns1,Walk\n", "cost_options.csv": costs]) == FeedError(
            file: "feed/cost_options.csv", place: "line 2, column \"amount\"", problem: "expected a number, found \"£5\""))
    }

    @Test func aFaultInAnOptionalTableNamesThatTable() {
        let tables = ["services.csv": "id,name\ns1,Walk\n", "phones.csv": "id,service_id,number\np1,s1,\"01632\n"]
        #expect(error(csv: tables) == FeedError(file: "feed/phones.csv", place: "line 2", problem: "a quoted field is never closed"))
    }
}
