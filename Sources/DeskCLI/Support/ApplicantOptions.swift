import ArgumentParser
import HallModel
import Queue

/// The applicant as typed on a command line: a person (resident ID) or an organisation (credit code).
struct ApplicantOptions: ParsableArguments {
    @Option(name: .customLong("person-id"), help: "The applicant's resident ID number (a person).") var personID: String?
    @Option(name: .customLong("org-uscc"), help: "The applicant's unified social credit code (an organisation).") var orgUSCC: String?
    @Option(help: "The person's or the organisation's name.") var name: String
    @Option(help: "A person's phone.") var phone: String?
    @Option(name: .customLong("legal-rep"), help: "An organisation's legal representative.") var legalRepresentative: String?
    @Option(help: "An organisation's contact (name and phone).") var contact: String?

    func validate() throws {
        if (personID == nil) == (orgUSCC == nil) {
            throw UsageError(en: "Give the applicant's --person-id or --org-uscc (one of them).", zh: "请给出申请人的 --person-id 或 --org-uscc（二选一）。")
        }
    }

    func input(today: CivilDate) throws -> ApplicantInput {
        try personID.map { try ApplicantInput.person(name: name, residentID: $0, phone: phone, today: today) }
            ?? ApplicantInput.organisation(name: name, creditCode: orgUSCC ?? "", legalRepresentative: legalRepresentative, contact: contact)
    }
}
