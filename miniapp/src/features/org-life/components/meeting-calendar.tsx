import { Text, View } from '@tarojs/components';
import {
  COMPLIANCE_STATES,
  COMPLIANCE_STATE_LABELS,
  MEETING_KIND_LABELS,
  MEETING_PERIOD_UNIT_LABELS,
  type CalendarPeriod,
  type CalendarRow,
  type ComplianceState,
  type MeetingCalendarResponse,
} from '@torch-red/shared';
import { currentPeriod, shortPeriodLabel } from '../periods';
import './meeting-calendar.scss';

/** What a small month cell says (the legend above names each state in full). */
const CELL_WORDS: Record<ComplianceState, string> = { DONE: '已开', DUE: '待开', OVERDUE: '逾期', UPCOMING: '未到' };

interface MeetingCalendarProps {
  calendar: MeetingCalendarResponse;
  now?: Date;
  /** A tap on one period of one kind. */
  onOpen: (row: CalendarRow, period: CalendarPeriod) => void;
}

/** This year's required meetings: one block per kind, one cell per period, the running period outlined. */
export function MeetingCalendar({ calendar, now = new Date(), onOpen }: MeetingCalendarProps) {
  return (
    <View className="meeting-calendar">
      <View className="meeting-calendar__legend">
        {COMPLIANCE_STATES.map((state) => (
          <View key={state} className="meeting-calendar__legend-item">
            <View className={`meeting-calendar__swatch meeting-calendar__swatch--${state.toLowerCase()}`} />
            <Text className="meeting-calendar__legend-text">{COMPLIANCE_STATE_LABELS[state]}</Text>
          </View>
        ))}
      </View>
      {calendar.rows.map((row) => {
        const running = currentPeriod(row.unit, now);
        const current = row.periods.find((period) => period.period === running);
        return (
          <View key={row.kind} className={`meeting-calendar__row meeting-calendar__row--${row.kind.toLowerCase()}`}>
            <View className="meeting-calendar__head">
              <Text className="meeting-calendar__kind">{MEETING_KIND_LABELS[row.kind]}</Text>
              <Text className="meeting-calendar__unit">{MEETING_PERIOD_UNIT_LABELS[row.unit]}</Text>
              {current ? (
                <Text className={`meeting-calendar__now meeting-calendar__now--${current.state.toLowerCase()}`}>
                  本期{COMPLIANCE_STATE_LABELS[current.state].replace(/^本期/, '')}
                </Text>
              ) : null}
            </View>
            <View className={`meeting-calendar__cells meeting-calendar__cells--${row.unit.toLowerCase()}`}>
              {row.periods.map((period) => (
                <View
                  key={period.period}
                  className={`meeting-calendar__cell meeting-calendar__cell--${period.state.toLowerCase()}${period.period === running ? ' meeting-calendar__cell--current' : ''}`}
                  data-period={period.period}
                  aria-label={`${shortPeriodLabel(period.period)} ${COMPLIANCE_STATE_LABELS[period.state]}`}
                  onClick={() => onOpen(row, period)}
                >
                  <Text className="meeting-calendar__cell-period">{shortPeriodLabel(period.period)}</Text>
                  <Text className="meeting-calendar__cell-state">{row.unit === 'MONTH' ? CELL_WORDS[period.state] : COMPLIANCE_STATE_LABELS[period.state]}</Text>
                </View>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
