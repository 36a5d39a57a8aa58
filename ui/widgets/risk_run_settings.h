#pragma once

#include "risk/cost_at_risk.h"
#include "risk/inputs_builder.h"

#include <QWidget>

#include <optional>
#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace ch::ui {

//! The settings of a Cost-at-Risk run: paths (default 100,000), seed, worker threads (0 = one
//! per core; the result does not depend on it), horizon in months, the volume mode, the demand
//! correlations, and the hedges (the positions held, or those plus a saved proposal's trades).
//! It only collects values; checking them is core's job.
class RiskRunSettings : public QWidget
{
    Q_OBJECT
public:
    explicit RiskRunSettings(QWidget* parent = nullptr);

    //! The seed, paths and threads; other fields keep McConfig's defaults.
    risk::McConfig config() const;
    risk::RiskBuildOptions options() const;
    //! The horizon spin box allows 1..planMonths (0: no plan, disabled).
    void setPlanMonths(int planMonths);
    //! Takes the settings of a saved run (seed, paths, threads, horizon, volumes, correlations).
    void setFrom(const risk::McConfig& config,
                 int horizonMonths,
                 risk::VolumeMode volumes,
                 const risk::DemandModel& demand);
    void setPaths(int paths);
    //! The saved hedge proposals the user may add to the positions held: (id, label) pairs.
    void setProposals(const std::vector<std::pair<std::string, QString>>& proposals);
    //! The chosen proposal, or nullopt for the positions held only.
    std::optional<std::string> proposalId() const;

    QSpinBox* pathsBox() const { return m_paths; }
    QLineEdit* seedEdit() const { return m_seed; }
    QSpinBox* threadsBox() const { return m_threads; }
    QSpinBox* horizonBox() const { return m_horizon; }

private:
    QSpinBox* m_paths = nullptr;
    QLineEdit* m_seed = nullptr;
    QSpinBox* m_threads = nullptr;
    QSpinBox* m_horizon = nullptr;
    QComboBox* m_volumes = nullptr;
    QDoubleSpinBox* m_volumeCorrelation = nullptr;
    QDoubleSpinBox* m_priceVolumeCorrelation = nullptr;
    QComboBox* m_hedges = nullptr;
};

} // namespace ch::ui
