// One formatter for the terminal and the center: their stored times compare as text.
export { shanghaiIso } from '../../shared/calendar';
