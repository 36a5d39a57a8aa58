// "Designate hedge…" on the Effectiveness page: on a copy of the demo workspace, a submitted
// hedge proposal is designated through the dialog by the administrator; the new row's
// effectiveness follows from its construction (same index on both legs, ratio 1: a perfect
// offset), the memo is shown and the audit log records the designation. A trader sees the button
// disabled with the reason, and a field left empty is refused by name.

#include "compare.h"
#include "demo_accounts.h"
#include "storage/audit_log.h"
#include "storage/designation_draft.h"
#include "storage/designation_repository.h"
#include "storage/hedge_repository.h"
#include "storage/workspace.h"
#include "test_registry.h"
#include "ui/conversions.h"
#include "ui/desk_session.h"
#include "ui/models/effectiveness_table_model.h"
#include "ui/pages/designation_dialog.h"
#include "ui/pages/effectiveness_page.h"
#include "ui/workspace_session.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <chrono>
#include <memory>

using namespace ch;
using namespace ch::ui;

namespace {} // namespace

class TestDesignationDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<DeskSession> m_desk;

    void logIn(const char* login)
    {
        const auto r = m_desk->logIn(login, ch::test::demoPassword(login));
        QVERIFY2(r.succeeded(), r.message.c_str());
    }

    //! HP-0001: 20 CHG.H100 futures in each of the two months after next, hedging GPU.H100.NC
    //! (the contract's own index), saved and submitted.
    void submitProposal()
    {
        storage::HedgeRepository repo(m_session->workspace());
        const auto policy = repo.currentPolicy(storage::kDemoPolicyName);
        QVERIFY(policy.has_value());
        const Date v = m_desk->market()->valuationDate();
        const Month front{v.year(), v.month()};
        hedging::HedgeProposal p;
        p.id = repo.nextProposalId();
        p.policyId = policy->id;
        p.policyVersion = policy->version;
        p.createdBy = "trader";
        p.createdAt = deskNow();
        p.valuationDate = v;
        p.rationale = "Two months of H100 at the band target";
        for (int n : {2, 3}) {
            hedging::ProposalLine l;
            l.month = front + std::chrono::months{n};
            l.exposureIndexId = "GPU.H100.NC";
            l.resource = "H100";
            l.symbol = "CHG.H100";
            l.contracts = 20;
            l.tradeContracts = 20;
            l.forwardUsd = 2.5;
            p.lines.push_back(l);
        }
        QCOMPARE(p.id, std::string("HP-0001"));
        QVERIFY(repo.saveProposal(p, storage::ProposalStatus::Draft).empty());
        repo.submitProposal(p.id, "approver", deskNow());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup()
    {
        m_desk.reset(); // stops the broker before the workspace goes
        m_session.reset();
    }

    void adminDesignatesASubmittedProposal()
    {
        const QString file = m_dir.filePath(QStringLiteral("designate.chw"));
        storage::Workspace::createDemo(toPath(file));
        m_session = std::make_unique<WorkspaceSession>();
        m_desk = std::make_unique<DeskSession>(*m_session);
        m_session->openWorkspace(file);
        QTRY_VERIFY_WITH_TIMEOUT(m_desk->market() != nullptr, 60000);
        submitProposal();

        logIn("trader");
        EffectivenessPage page(*m_session, *m_desk);
        page.show();
        QVERIFY(page.isContentShown());
        QCOMPARE(page.model()->rowCount(), 3);
        QVERIFY(!page.designateButton()->isEnabled());
        QVERIFY(page.designateButton()->toolTip().contains(
            "needs the manage_limits permission (an administrator), which 'trader' (trader) "
            "does not have"));

        logIn("admin");
        QVERIFY(page.designateButton()->isEnabled());
        QPointer<DesignationDialog> dialog = page.openDesignationDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->proposalIds(), QStringList{"HP-0001"});
        QVERIFY(dialog->selectProposal("HP-0001"));
        QCOMPARE(dialog->groupKeys(), QStringList{"GPU.H100.NC / CHG.H100"});
        QVERIFY(dialog->selectGroup("GPU.H100.NC", "CHG.H100"));

        // Pre-filled: 20 contracts of 730 GPU-h a month designate 14,600 GPU-h, ratio 1.
        const auto existing = storage::DesignationRepository(m_session->workspace()).designations();
        const int year = static_cast<int>(
            std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(deskNow())}.year());
        const std::string reference = storage::nextDesignationReference(existing, year);
        const storage::DesignatedHedge filled = dialog->designation();
        QCOMPARE(filled.designation.reference, reference);
        QCOMPARE(filled.hedgedIndex, std::string("GPU.H100.NC"));
        QCOMPARE(filled.instrumentSymbol, std::string("CHG.H100"));
        CH_COMPARE_NEAR(filled.hedgedUnitsPerMonth, 14'600.0, 1e-9);
        QCOMPARE(filled.contractsPerMonth, ContractCount{20});
        CH_COMPARE_NEAR(filled.designation.hedgeRatio, 1.0, 1e-12);
        QCOMPARE(filled.designation.preparedBy, std::string("Ada Admin"));
        QVERIFY(filled.designation.hedgedItem.starts_with("Forecast H100 purchases "));
        QVERIFY(filled.designation.hedgedItem.ends_with(", 14,600 GPU-h per month"));
        QVERIFY(dialog->messages().contains(
            "Warning: no order of proposal HP-0001 on CHG.H100 has filled yet"));

        // A field left empty is refused by its name and nothing is written.
        auto* item = dialog->findChild<QLineEdit*>("hedged_item");
        QVERIFY(item);
        const QString itemText = item->text();
        item->clear();
        QVERIFY(!dialog->save());
        QVERIFY(dialog->messages().contains(
            "designation: hedged_item: is empty; the designation memo must state it"));
        QCOMPARE(storage::DesignationRepository(m_session->workspace()).designations().size(),
                 existing.size());

        item->setText(itemText);
        QVERIFY(dialog->save());
        QVERIFY(dialog->issues().empty());

        // The new row, selected, with its tests: ΔD = −ΔH month by month, so a perfect offset.
        QCOMPARE(page.model()->rowCount(), 4);
        const auto& rows = page.model()->rows();
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const EffectivenessRow& r) {
            return r.hedge.designation.reference == reference;
        });
        QVERIFY(row != rows.end());
        QVERIFY2(row->problem.empty(), row->problem.c_str());
        QCOMPARE(row->periods, std::size_t{24});
        QVERIFY(row->dollarOffset && row->dollarOffset->ratio);
        CH_COMPARE_NEAR(*row->dollarOffset->ratio, 1.0, 1e-9);
        QVERIFY(row->regression);
        CH_COMPARE_NEAR(row->regression->slope, -1.0, 1e-9);
        CH_COMPARE_NEAR(row->regression->rSquared, 1.0, 1e-9);
        QVERIFY(row->passes());
        const QString memo = page.findChild<QTextBrowser*>("designationMemo")->toPlainText();
        QVERIFY(memo.contains(QString::fromStdString(reference)));

        const auto last = storage::AuditLog(m_session->workspace()).entries().back();
        QCOMPARE(last.action, std::string("designation.create"));
        QCOMPARE(last.user, std::string("admin"));
        QCOMPARE(last.objectType, std::string("hedge_designation"));
        QCOMPARE(last.objectId, reference);
        QCOMPARE(last.after, trading::designationMemo(filled.designation));
    }
};

CH_REGISTER_TEST(TestDesignationDialog);
#include "tst_designation_dialog.moc"
