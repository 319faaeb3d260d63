// Only the styles of the NutUI components we use: the full stylesheet is ~230 KB of the
// weapp main package. Add a line here when a page of the main package starts using another component;
// a component used only by subpackage pages imports its style where it is used (see signup-form.tsx).
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
