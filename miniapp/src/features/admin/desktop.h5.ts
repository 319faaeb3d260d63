// In a desktop browser the 管理后台 is drawn at the phone's scale (see desktop.scss), with the room used for columns.
import './desktop.scss';
